package org.presslens.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Layer;
import org.presslens.core.Mention;
import org.presslens.core.Outlet;
import org.presslens.core.Provenance;
import org.presslens.core.report.TechniqueSummary;
import org.presslens.core.Span;

/** Writes an analysed document as the contract JSON ({@code shared/CONTRACT.md}). */
public final class ContractJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ContractJson() {}

  /** The document as a contract JSON tree. */
  public static ObjectNode toTree(Document doc) {
    Article a = doc.article();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("input", a.input());
    root.put("text", a.text());
    root.put("title", a.title());
    ArrayNode authors = root.putArray("authors");
    a.authors().forEach(authors::add);
    root.put("published", a.published());
    root.put("language", a.language());
    putExtraction(root, a.extraction());
    if (a.language() != null && !a.language().equals("en")) {
      // Stages that know only English leave an article in another language alone: say which.
      ArrayNode skipped = MAPPER.createArrayNode();
      for (Layer layer : Layer.values()) {
        if (!doc.has(layer)) {
          skipped.add(layer.name().toLowerCase(java.util.Locale.ROOT));
        }
      }
      if (!skipped.isEmpty()) {
        root.set("not_analysed", skipped);
      }
    }
    ObjectNode source = root.putObject("source");
    source.put("name", a.source().name());
    source.put("domain", a.source().domain());
    source.put("url", a.source().url());
    ArrayNode credits = root.putArray("credits");
    for (Credit c : a.credits()) {
      ObjectNode n = credits.addObject();
      n.put("text", c.text());
      n.put("name", c.name());
      n.put("kind", c.kind().label());
      if (c.span() != null) {
        putSpan(n, c.span());
      }
    }
    ArrayNode sentences = root.putArray("sentences");
    doc.sentences().forEach(s -> putSpan(sentences.addObject(), s));
    ArrayNode entities = root.putArray("entities");
    for (Entity e : doc.entities()) {
      ObjectNode n = entities.addObject();
      n.put("id", e.id());
      n.put("type", e.type());
      n.put("name", e.name());
      putMentions(n.putArray("mentions"), e.mentions());
    }
    ArrayNode quotes = root.putArray("quotes");
    for (var q : doc.quotes()) {
      ObjectNode n = quotes.addObject();
      n.put("id", q.id());
      n.put("kind", q.kind());
      ArrayNode content = n.putArray("content");
      q.content().forEach(s -> putSpan(content.addObject(), s));
      putMention(n.putObject("cue"), q.cue());
      if (q.speaker() == null) {
        n.putNull("speaker");
      } else {
        ObjectNode sp = putMention(n.putObject("speaker"), q.speaker());
        sp.put("entity", q.speakerEntity());
      }
    }
    ArrayNode claims = root.putArray("claims");
    for (var c : doc.claims()) {
      ObjectNode n = putSpan(claims.addObject(), c.span());
      n.put("score", Math.round(c.score() * 10000) / 10000.0);
      n.put("checkworthy", c.checkworthy());
      n.put("quote", c.quote());
      ArrayNode checkables = n.putArray("checkables");
      for (var k : c.checkables()) {
        putMention(checkables.addObject().put("type", k.type()), k.mention());
      }
    }
    ArrayNode techniques = root.putArray("techniques");
    for (var t : doc.techniques()) {
      ObjectNode n = techniques.addObject();
      n.put("technique", t.technique());
      putSpan(n, t.span());
      n.put("score", t.score());
      n.put("quote", t.quote());
    }
    if (doc.has(Layer.TECHNIQUES)) {
      root.put("technique_share", TechniqueSummary.of(doc).coveredShare());
    }
    if (doc.provenance() != null) {
      putProvenance(root.putObject("provenance"), doc.provenance());
    }
    if (doc.has(Layer.STANCE)) {
      ArrayNode stance = root.putArray("stance");
      for (var s : doc.stance()) {
        ObjectNode n = stance.addObject();
        n.put("entity", s.entity());
        n.put("holder", s.holder());
        n.put("polarity", s.polarity());
        n.put("score", s.score());
        ArrayNode evidence = n.putArray("evidence");
        s.evidence().forEach(span -> putSpan(evidence.addObject(), span));
      }
    }
    return root;
  }

  private static void putProvenance(ObjectNode n, Provenance p) {
    putParty(n, "publisher", p.publisher());
    putParty(n, "origin", p.origin());
    ArrayNode flags = n.putArray("flags");
    p.flags().forEach(f -> flags.addObject().put("type", f.type()).put("evidence", f.evidence()));
    n.put("summary", p.summary());
  }

  private static void putParty(ObjectNode parent, String field, Provenance.Party party) {
    if (party == null) {
      parent.putNull(field);
      return;
    }
    ObjectNode n = parent.putObject(field);
    n.put("name", party.name());
    n.put("domain", party.domain());
    n.put("how", party.how());
    Outlet o = party.outlet();
    n.put("rated", o != null);
    if (o != null) {
      n.put("kind", o.kind());
      n.put("owner", o.owner());
      n.put("country", o.country());
      ArrayNode ties = n.putArray("affiliations");
      o.affiliations().forEach(a -> ties.addObject().put("type", a.type()).put("with", a.with()).put("reference", a.reference()));
      ArrayNode opponents = n.putArray("opponents");
      o.opponents().forEach(a -> opponents.addObject().put("with", a.with()).put("reference", a.reference()));
      ObjectNode ratings = n.putObject("ratings");
      o.ratings().forEach(ratings::put);
      ArrayNode refs = n.putArray("references");
      o.references().forEach(refs::add);
    }
  }

  /** The document as one line of JSON. */
  public static String toJsonLine(Document doc) {
    try {
      return MAPPER.writeValueAsString(toTree(doc));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document as indented JSON. */
  public static String toPrettyJson(Document doc) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(doc));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The extensions saying how a web page was read: page kind, modified date, each field's origin, redirects. */
  private static void putExtraction(ObjectNode root, Article.Extraction x) {
    if (x.pageKind() != null) {
      root.put("page_kind", x.pageKind());
    }
    if (x.modified() != null) {
      root.put("modified", x.modified());
    }
    new java.util.TreeMap<>(x.from()).forEach((field, from) -> root.put(field + "_from", from));
    if (!x.redirects().isEmpty()) {
      x.redirects().forEach(root.putArray("redirects")::add);
    }
  }

  private static ObjectNode putSpan(ObjectNode n, Span s) {
    n.put("start", s.start());
    n.put("end", s.end());
    return n;
  }

  private static ObjectNode putMention(ObjectNode n, Mention m) {
    putSpan(n, m.span());
    n.put("text", m.text());
    return n;
  }

  private static void putMentions(ArrayNode array, List<Mention> mentions) {
    mentions.forEach(m -> putMention(array.addObject(), m));
  }
}
