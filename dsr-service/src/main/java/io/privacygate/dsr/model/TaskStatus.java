package io.privacygate.dsr.model;

/** A task is retried while PENDING; RUNNING is leased to one worker; FAILED waits for an operator. */
public enum TaskStatus { PENDING, RUNNING, DONE, FAILED, CANCELLED }
