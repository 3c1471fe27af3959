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

package dev.hmr.serve;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A module could not be served: a plugin hook failed or its source could not be analysed.
 * The request answers 500, handled by Spring MVC's
 * {@code ResponseStatusExceptionResolver} rather than left to the servlet container,
 * which would log it a second time: the transformer logged it once, with its stack, and
 * the browsers got an {@code error} payload.
 */
@ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
class ModuleTransformException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what failed
	 * @param cause why
	 */
	ModuleTransformException(String message, Throwable cause) {
		super(message, cause);
	}

}
