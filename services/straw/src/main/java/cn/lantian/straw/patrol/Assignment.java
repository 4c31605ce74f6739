package cn.lantian.straw.patrol;

import cn.lantian.web.TextLength;
import jakarta.validation.constraints.Size;

/**
 * The township (or regiment) that patrols an incident.
 *
 * @param assignedTo its name or code, at most 60 characters
 */
record Assignment(@Size(max = TextLength.NAME) String assignedTo) {}
