/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.hmr.watch;

/**
 * What a notification of a path said. The portable watcher only knows that something
 * changed; inotify also tells when a writer closed a file, so that a save can be
 * published the moment it is finished instead of after a quiet period. Internal.
 *
 * @since 0.1.0
 */
public enum Notification {

	/**
	 * Something changed: the path was created, modified, deleted or renamed.
	 */
	CHANGED,

	/**
	 * The path was created (a new file is often a temporary one).
	 */
	CREATED,

	/**
	 * The file was written to: a writer has it open.
	 */
	WRITING,

	/**
	 * A writer of the file closed it: its save is finished.
	 */
	WRITTEN,

	/**
	 * The file was renamed into place, complete.
	 */
	MOVED_IN

}
