package org.presslens.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 14 persuasion techniques of SemEval-2020 Task 11 (Da San Martino et al.), with the name the
 * contract uses and a one-line definition for readers.
 */
public enum PersuasionTechnique {
  APPEAL_TO_AUTHORITY("Appeal_to_Authority", "Appeal to authority",
      "Says a claim is true because an authority or expert said so, without other evidence."),
  APPEAL_TO_FEAR("Appeal_to_fear-prejudice", "Appeal to fear or prejudice",
      "Builds support for an idea by instilling anxiety or panic about the alternative."),
  BANDWAGON_REDUCTIO("Bandwagon,Reductio_ad_hitlerum", "Bandwagon, reductio ad Hitlerum",
      "Urges a course because everyone follows it, or rejects one because a hated group favours it."),
  BLACK_AND_WHITE("Black-and-White_Fallacy", "Black-and-white fallacy",
      "Presents two options as the only ones when more exist."),
  CAUSAL_OVERSIMPLIFICATION("Causal_Oversimplification", "Causal oversimplification",
      "Gives one cause for an issue that has several."),
  DOUBT("Doubt", "Doubt", "Questions the credibility of someone or something."),
  EXAGGERATION_MINIMISATION("Exaggeration,Minimisation", "Exaggeration or minimisation",
      "Makes something look much bigger, better or worse than it is, or plays it down."),
  FLAG_WAVING("Flag-Waving", "Flag-waving",
      "Plays on national or group feeling to justify or promote an action or idea."),
  LOADED_LANGUAGE("Loaded_Language", "Loaded language",
      "Uses words with strong emotional connotations to sway the reader."),
  NAME_CALLING("Name_Calling,Labeling", "Name calling, labelling",
      "Labels the target as something the audience fears, hates or finds undesirable (or loves)."),
  REPETITION("Repetition", "Repetition", "Repeats the same message so that the audience accepts it."),
  SLOGANS("Slogans", "Slogan", "A brief, striking phrase that may label or stereotype."),
  THOUGHT_TERMINATING_CLICHE("Thought-terminating_Cliches", "Thought-terminating cliché",
      "A stock phrase that discourages critical thought about the topic."),
  WHATABOUTISM_STRAW_MAN_RED_HERRING("Whataboutism,Straw_Men,Red_Herring", "Whataboutism, straw man, red herring",
      "Discredits an opponent by charging hypocrisy, misrepresenting their position, or changing the subject.");

  private final String label;
  private final String title;
  private final String definition;

  PersuasionTechnique(String label, String title, String definition) {
    this.label = label;
    this.title = title;
    this.definition = definition;
  }

  /** The SemEval-2020 name, as the contract writes it: {@code Loaded_Language}. */
  public String label() {
    return label;
  }

  /** The name for readers: "Loaded language". */
  public String title() {
    return title;
  }

  /** One line saying what the technique does. */
  public String definition() {
    return definition;
  }

  public static Optional<PersuasionTechnique> of(String label) {
    return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
  }
}
