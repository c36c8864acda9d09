package io.privacygate.consent.model;

/** How a purpose gives the Art. 14 information to people whose data was not obtained from them. */
public enum Art14Notice {
    /** To each person, at the latest within one month of obtaining the data (Art. 14(3)(a)). */
    INDIVIDUAL,
    /** By a public notice, with a recorded justification: informing each would be impossible or disproportionate (Art. 14(5)(b)). */
    PUBLIC_NOTICE
}
