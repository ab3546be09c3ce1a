package org.presslens.nlp.backbone;

/**
 * A token as a backbone produces it: UTF-16 offsets into the string it was given.
 *
 * @param begin UTF-16 index of the first char
 * @param end UTF-16 index after the last char
 * @param word the token's text as the models expect it
 */
public record RawToken(int begin, int end, String word) {}
