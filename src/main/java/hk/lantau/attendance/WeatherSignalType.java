package hk.lantau.attendance;

/**
 * The Hong Kong weather announcements that change work arrangements under the Labour Department's
 * Code of Practice in Times of Typhoons and Rainstorms.
 */
public enum WeatherSignalType {
    /** Tropical cyclone warning signal No. 8 or above. */
    T8_OR_ABOVE,
    /** The black rainstorm warning signal. */
    BLACK_RAINSTORM,
    /** The government's "extreme conditions" announcement after a super typhoon. */
    EXTREME_CONDITIONS
}
