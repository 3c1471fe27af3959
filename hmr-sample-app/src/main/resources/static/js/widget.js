// Importing a stylesheet from a module: in development the import is served as a module
// that injects a <style> and accepts its own updates, so saving widget.css restyles the
// widget without running this file again.
import '../css/widget.css'

document.querySelector('#widget').className = 'widget'
