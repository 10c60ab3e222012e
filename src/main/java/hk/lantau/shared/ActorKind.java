package hk.lantau.shared;

/** Who is acting: a person, an integration, a group robot, the installation's operator, or Lantau itself. */
public enum ActorKind {
    USER, APP, ROBOT, OPERATOR, SYSTEM
}
