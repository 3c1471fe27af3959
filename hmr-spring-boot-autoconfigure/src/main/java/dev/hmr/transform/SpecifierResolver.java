package dev.hmr.transform;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Turns an import specifier into the canonical URL of the module it names, or
 * {@code null} to leave the specifier as written (a bare specifier the browser resolves
 * with an import map, a full URL).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SpecifierResolver {

	/**
	 * Resolve a specifier.
	 * @param specifier the specifier as written in the source (escapes decoded)
	 * @param importerUrl the canonical URL of the importing module
	 * @return the canonical URL of the imported module, or {@code null} to leave the
	 * specifier untouched
	 */
	@Nullable String resolve(String specifier, String importerUrl);

	/**
	 * Try this resolver, then {@code fallback} for what it leaves unresolved.
	 * @param fallback the resolver to try next
	 * @return the combined resolver
	 */
	default SpecifierResolver orElse(SpecifierResolver fallback) {
		Assert.notNull(fallback, "'fallback' must not be null");
		return (specifier, importerUrl) -> {
			String resolved = resolve(specifier, importerUrl);
			return (resolved != null) ? resolved : fallback.resolve(specifier, importerUrl);
		};
	}

	/**
	 * The default resolver: relative and root-absolute specifiers against the importer's
	 * URL ({@link ModuleUrls#resolve}); bare specifiers and full URLs are left alone.
	 * @return the resolver
	 */
	static SpecifierResolver relative() {
		return ModuleUrls::resolve;
	}

}
