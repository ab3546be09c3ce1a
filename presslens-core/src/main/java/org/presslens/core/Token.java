package org.presslens.core;

/**
 * One token of the text with its part-of-speech tag and the entity label the recogniser gave it.
 *
 * @param span code-point span in the text
 * @param word the token as written
 * @param pos Penn Treebank tag
 * @param ner PERSON, ORGANIZATION, LOCATION or O
 * @param sentence index of the sentence the token belongs to
 */
public record Token(Span span, String word, String pos, String ner, int sentence) {}
