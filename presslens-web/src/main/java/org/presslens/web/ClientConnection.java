package org.presslens.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request whose body was read is still connected, asked while the server
 * computes the answer. HTTP/1.1 has no message for "I gave up": a client that stops waiting
 * closes its connection, and a server learns it only by reading from the socket, which Jetty
 * does not do while a handler runs. So {@link #gone()} reads from the socket itself: the end of
 * the stream means the client went away.
 *
 * <p>A byte of data instead means the client sent its next request before this answer
 * (pipelining). That byte cannot be handed back to Jetty, so the connection is marked to close
 * after this response, as RFC 9112 §9.3.2 lets a server do (the client resends what was not
 * answered), and checking stops. Connections that are not a plain socket (TLS, HTTP/2) are not
 * checked: reading them would take more than one byte of the next request.
 *
 * <p>Call it only from the thread that handles the request, after the body was read: then Jetty
 * itself is not reading the socket.
 */
final class ClientConnection {
  private final Context ctx;
  private EndPoint endPoint;

  private ClientConnection(Context ctx, EndPoint endPoint) {
    this.ctx = ctx;
    this.endPoint = endPoint;
  }

  static ClientConnection of(Context ctx) {
    Request request = Request.getBaseRequest(ctx.req());
    EndPoint endPoint = request == null ? null : request.getHttpChannel().getEndPoint();
    return new ClientConnection(ctx, endPoint instanceof SocketChannelEndPoint ? endPoint : null);
  }

  /** True once the client closed the connection (or it broke); false while it waits, or when it cannot be told. */
  boolean gone() {
    if (endPoint == null) {
      return false;
    }
    if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
      return true;
    }
    ByteBuffer one = BufferUtil.allocate(1);
    try {
      int read = endPoint.fill(one);
      if (read < 0) {
        return true;
      }
      if (read > 0) {
        ctx.header("Connection", "close");
        endPoint = null;
      }
      return false;
    } catch (IOException e) {
      return true; // reset by the peer
    }
  }
}
