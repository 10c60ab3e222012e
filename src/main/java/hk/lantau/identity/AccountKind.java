package hk.lantau.identity;

/** A person in an organisation, or an operator of the whole installation. */
public enum AccountKind {
    USER, OPERATOR
}
