// notes/welcome.md is not JavaScript: MarkdownPlugin (a Java HmrPlugin bean) serves it as
// a module whose default export is the rendered HTML. Its handleHotUpdate hook handles
// saves of the file itself, by sending a 'sample:markdown' event rather than an update.
// (Without HMR, in the packaged jar, there is no plugin: this page is a development demo.)
import html from '../notes/welcome.md'

const panel = document.querySelector('#notes')
// Safe: the plugin escapes the Markdown's text before it adds any markup
panel.innerHTML = html

import.meta.hot?.on('sample:markdown', (data) => {
  if (data.path === '/notes/welcome.md') {
    panel.innerHTML = data.html
  }
})
