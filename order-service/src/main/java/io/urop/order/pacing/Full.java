package io.urop.order.pacing;

/** Which cap a slot reached: its number of orders ({@code station} null), or the prep minutes of a station. */
record Full(String station) {
}
