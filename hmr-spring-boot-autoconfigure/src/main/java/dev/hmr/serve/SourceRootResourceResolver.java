package dev.hmr.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * A {@link PathResourceResolver} that also refuses a file-system resource whose real path
 * (symbolic links followed) lies outside the real path of its location. Spring's own
 * check compares the paths as written, so a link inside a source root that points out of
 * it would otherwise be served. It also refuses anything under a hidden folder: a watched
 * root that is never served (server-side templates) but sits inside a served one.
 */
class SourceRootResourceResolver extends PathResourceResolver {

	private static final Log logger = LogFactory.getLog(SourceRootResourceResolver.class);

	private final List<Path> hidden;

	/**
	 * Create a resolver.
	 * @param hidden folders never served, even when inside a served location
	 */
	SourceRootResourceResolver(List<Path> hidden) {
		Assert.notNull(hidden, "'hidden' must not be null");
		this.hidden = hidden.stream().map((folder) -> folder.toAbsolutePath().normalize()).toList();
	}

	@Override
	protected boolean checkResource(Resource resource, Resource location) throws IOException {
		if (!super.checkResource(resource, location)) {
			return false;
		}
		if (!resource.isFile() || !location.isFile()) {
			return true;
		}
		Path file = resource.getFile().toPath();
		Path root = location.getFile().toPath();
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		Path real = file.toRealPath();
		boolean inside = real.startsWith(root.toRealPath());
		if (!inside && logger.isWarnEnabled()) {
			logger.warn("Refused " + file + ": it resolves outside the served root " + root);
		}
		return inside && !isHidden(real);
	}

	private boolean isHidden(Path real) throws IOException {
		for (Path folder : this.hidden) {
			if (Files.exists(folder) && real.startsWith(folder.toRealPath())) {
				logger.debug("Refused " + real + ": it is in " + folder + ", which is watched, not served");
				return true;
			}
		}
		return false;
	}

}
