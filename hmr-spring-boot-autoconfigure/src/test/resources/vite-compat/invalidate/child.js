export const version = 1;
export const needsImporter = false;
console.log('child ran ' + version);
import.meta.hot.accept((next) => {
	if (next && next.needsImporter) {
		import.meta.hot.invalidate('exports changed');
	}
});
