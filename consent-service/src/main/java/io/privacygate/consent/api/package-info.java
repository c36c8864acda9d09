/** The JSON shapes of consent-service's v1 API (DESIGN §4), as records shared by resources and services. */
package io.privacygate.consent.api;
