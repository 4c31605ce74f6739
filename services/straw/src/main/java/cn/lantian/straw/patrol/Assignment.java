package cn.lantian.straw.patrol;

/**
 * The township (or regiment) that patrols an incident.
 *
 * @param assignedTo its name or code, at most 60 characters
 */
record Assignment(String assignedTo) {
}
