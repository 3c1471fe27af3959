package dev.hmr.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * A {@link PathResourceResolver} that also refuses a file-system resource whose real path
 * (symbolic links followed) lies outside the real path of its location. Spring's own
 * check compares the paths as written, so a link inside a source root that points out of
 * it would otherwise be served.
 *
 * @since 0.1.0
 */
public class SourceRootResourceResolver extends PathResourceResolver {

	private static final Log logger = LogFactory.getLog(SourceRootResourceResolver.class);

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
		boolean inside = file.toRealPath().startsWith(root.toRealPath());
		if (!inside && logger.isWarnEnabled()) {
			logger.warn("Refused " + file + ": it resolves outside the served root " + root);
		}
		return inside;
	}

}
