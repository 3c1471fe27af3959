package dev.hmr.watch;

/**
 * The kinds of {@link FileChangeEvent}, decided by a file's state after its changes settled.
 *
 * @since 0.1.0
 */
public enum FileChangeKind {

	/** The file exists now and did not exist before. */
	CREATED,

	/** The file existed before and exists now. */
	MODIFIED,

	/** The file existed before and is gone now. */
	DELETED

}
