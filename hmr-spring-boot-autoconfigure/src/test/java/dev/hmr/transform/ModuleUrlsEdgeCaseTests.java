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

package dev.hmr.transform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the edge cases of {@link ModuleUrls} that {@link ModuleUrlsTests} leaves out:
 * timestamps that are almost Vite's, dotfiles, directories, fragments and an empty query.
 */
class ModuleUrlsEdgeCaseTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/a.js?t=1700000000000         | /a.js
			/a.js?t=1799999999999         | /a.js
			/a.js?t=0000000000009         | /a.js
			/a.js?t=170000000000x         | /a.js?t=170000000000x
			/a.js?t=x700000000000         | /a.js?t=x700000000000
			/a.js?t=17000000000:0         | /a.js?t=17000000000:0
			/a.js?t=17000000000/0         | /a.js?t=17000000000/0
			/a.js?t=170000000000          | /a.js?t=170000000000
			/a.js?t=17000000000000        | /a.js?t=17000000000000
			/a.js?v=1&t=1700000000000#top | /a.js?v=1#top
			/a.js?s=1700000000000         | /a.js?s=1700000000000
			/a.js?&&v=1&                  | /a.js?v=1
			""")
	void withoutHmrQueryRemovesOnlyAThirteenDigitTimestamp(String url, String canonical) {
		assertThat(ModuleUrls.withoutHmrQuery(url)).isEqualTo(canonical);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/.env           | false
			/config/.env    | false
			/dir.d/file     | false
			/assets/        | true
			/.hidden.svg    | true
			/app.js#x       | false
			/app.js?v=1#x   | false
			/logo.svg#x.js  | true
			/logo.svg?v=1   | true
			/a.js?import    | false
			""")
	void explicitImportIsRequiredByTheExtensionOfThePathOnly(String url, boolean required) {
		assertThat(ModuleUrls.isExplicitImportRequired(url)).isEqualTo(required);
	}

	@ParameterizedTest(name = "{0} from {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			./b.js       | /js/app.js#/x/y    | /js/b.js
			./b.js       | /js/app.js?p=/x/y  | /js/b.js
			./b.js#frag  | /js/app.js         | /js/b.js#frag
			/js/./b.js#x | /app.js            | /js/b.js#x
			""")
	void resolveIgnoresTheImportersQueryAndFragment(String specifier, String importer, String resolved) {
		assertThat(ModuleUrls.resolve(specifier, importer)).isEqualTo(resolved);
	}

	@ParameterizedTest(name = "{0} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			/a.svg?        | true  | 0             | /a.svg?import
			/a.js?         | false | 1700000000000 | /a.js?t=1700000000000
			/a.svg#top     | true  | 0             | /a.svg?import#top
			/a.js?v=2#top  | false | 1700000000000 | /a.js?t=1700000000000&v=2#top
			/a.js          | false | -1            | /a.js
			""")
	void importUrlAddsItsParametersBeforeTheQueryAndTheFragment(String url, boolean explicitImport, long timestamp,
			String imported) {
		assertThat(ModuleUrls.importUrl(url, explicitImport, timestamp)).isEqualTo(imported);
	}

}
