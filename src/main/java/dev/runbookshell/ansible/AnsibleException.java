package dev.runbookshell.ansible;

/**
 * What the Ansible export or import cannot do with its input: a target with no Ansible equivalent, an unreadable
 * inventory, a result file that is not Ansible's JSON, a task whose block changed since the export. The message
 * names the file and line (or the host, task or block) and the offending value.
 */
public class AnsibleException extends RuntimeException {

	public AnsibleException(String message) {
		super(message);
	}

	public AnsibleException(String message, Throwable cause) {
		super(message, cause);
	}

}
