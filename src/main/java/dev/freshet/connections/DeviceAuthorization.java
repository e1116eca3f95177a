package dev.freshet.connections;

import java.time.Duration;
import java.time.Instant;

/**
 * An RFC 8628 device authorization response: what to show the user, and what to poll with.
 *
 * @param deviceCode the code the client polls with (secret: masked in {@link #toString()})
 * @param userCode the code the user types at the verification URI
 * @param verificationUri where the user goes
 * @param verificationUriComplete the same with the user code filled in, or null
 * @param interval the minimum wait between polls (5 s when the provider does not say)
 * @param expiresAt when the device code stops working
 */
record DeviceAuthorization(String deviceCode, String userCode, String verificationUri,
    String verificationUriComplete, Duration interval, Instant expiresAt) {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

  DeviceAuthorization {
    interval = interval == null || interval.isNegative() || interval.isZero() ? DEFAULT_INTERVAL : interval;
  }

  DeviceAuthorization withInterval(Duration newInterval) {
    return new DeviceAuthorization(deviceCode, userCode, verificationUri, verificationUriComplete, newInterval,
        expiresAt);
  }

  @Override
  public String toString() {
    return "DeviceAuthorization[deviceCode=***, userCode=" + userCode + ", verificationUri=" + verificationUri
        + ", interval=" + interval.toSeconds() + "s, expiresAt=" + expiresAt + "]";
  }
}
