/*
 * Part of hmr-spring-boot. It follows Vite's client (MIT, see NOTICE).
 *
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

// The error overlay: a custom element with its own (open) shadow DOM, so page styles do
// not leak in and its styles do not leak out. Same element name, class name, constructor
// and parts as Vite's, so code that creates it (`new ErrorOverlay(err)`) works unchanged.

const base = __BASE__ || '/'

export const overlayId = 'vite-error-overlay'

// Outside a browser (Node tests) there is no HTMLElement; a plain class keeps the module
// importable there.
const { HTMLElement = class {} } = globalThis

const template = /* html */ `
<style>
:host {
  position: fixed;
  top: 0;
  left: 0;
  width: 100%;
  height: 100%;
  z-index: 99999;
  --monospace: 'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, Courier, monospace;
  --red: #ff5555;
  --yellow: #e2aa53;
  --purple: #cfa4ff;
  --cyan: #2dd9da;
  --dim: #c9c9c9;
  --window-background: #181818;
  --window-color: #d8d8d8;
}
.backdrop {
  position: fixed;
  inset: 0;
  z-index: 99999;
  overflow-y: auto;
  margin: 0;
  background: rgba(0, 0, 0, 0.66);
}
.window {
  font-family: var(--monospace);
  line-height: 1.5;
  max-width: 80em;
  color: var(--window-color);
  box-sizing: border-box;
  margin: 30px auto;
  padding: 2.5vh 4vw;
  position: relative;
  background: var(--window-background);
  border-radius: 6px 6px 8px 8px;
  box-shadow: 0 19px 38px rgba(0, 0, 0, 0.30), 0 15px 12px rgba(0, 0, 0, 0.22);
  overflow: hidden;
  border-top: 8px solid var(--red);
  direction: ltr;
  text-align: left;
}
pre {
  font-family: var(--monospace);
  font-size: 16px;
  margin-top: 0;
  margin-bottom: 1em;
  overflow-x: scroll;
  scrollbar-width: none;
}
pre::-webkit-scrollbar {
  display: none;
}
pre.frame::-webkit-scrollbar {
  display: block;
  height: 5px;
}
pre.frame::-webkit-scrollbar-thumb {
  background: #999;
  border-radius: 5px;
}
pre.frame {
  scrollbar-width: thin;
}
.message {
  line-height: 1.3;
  font-weight: 600;
  white-space: pre-wrap;
}
.message-body {
  color: var(--red);
}
.plugin {
  color: var(--purple);
}
.file {
  color: var(--cyan);
  margin-bottom: 0;
  white-space: pre-wrap;
  word-break: break-all;
}
.frame {
  color: var(--yellow);
}
.stack {
  font-size: 13px;
  color: var(--dim);
}
.tip {
  font-size: 13px;
  color: #999;
  border-top: 1px dotted #999;
  padding-top: 13px;
  line-height: 1.8;
}
code {
  font-size: 13px;
  font-family: var(--monospace);
  color: var(--yellow);
}
.file-link {
  text-decoration: underline;
  cursor: pointer;
}
kbd {
  line-height: 1.5;
  font-family: ui-monospace, Menlo, Monaco, Consolas, 'Liberation Mono', 'Courier New', monospace;
  font-size: 0.75rem;
  font-weight: 700;
  background-color: rgb(38, 40, 44);
  color: rgb(166, 167, 171);
  padding: 0.15rem 0.3rem;
  border-radius: 0.25rem;
  border-width: 0.0625rem 0.0625rem 0.1875rem;
  border-style: solid;
  border-color: rgb(54, 57, 64);
  border-image: initial;
}
</style>
<div class="backdrop" part="backdrop">
  <div class="window" part="window">
    <pre class="message" part="message"><span class="plugin" part="plugin"></span><span class="message-body" part="message-body"></span></pre>
    <pre class="file" part="file"></pre>
    <pre class="frame" part="frame"></pre>
    <pre class="stack" part="stack"></pre>
    <div class="tip" part="tip">
      Click outside, press <kbd>Esc</kbd> key, or fix the code to dismiss.<br>
      You can also disable this overlay by setting
      <code part="config-option-name">hmr.overlay</code> to
      <code part="config-option-value">false</code> in
      <code part="config-file-name">application.properties</code>.
    </div>
  </div>
</div>
`

// "/path/to/file.js:12:3", "C:\path\file.js:12:3" or "file:///path/file.js:12:3"
const fileRE = /(?:file:\/\/)?(?:[a-zA-Z]:\\|\/).*?:\d+:\d+/g
// code-frame lines that compilers also append to the message ("> 1 | code", "   |   ^")
const codeframeRE = /^(?:>?\s*\d+\s+\|.*|\s+\|\s*\^.*)\r?\n/gm

export class ErrorOverlay extends HTMLElement {
  /**
   * @param {{message: string, stack: string, id?: string, frame?: string, plugin?: string,
   *   loc?: {file?: string, line: number, column: number}}} err the `err` of an error payload
   * @param {boolean} links whether file references become links that ask the server to
   *   open the file in an editor
   */
  constructor(err, links = true) {
    super()
    this.root = this.attachShadow({ mode: 'open' })
    this.root.innerHTML = template

    const hasFrame = typeof err.frame === 'string' && err.frame.trim() !== ''
    const message = hasFrame ? String(err.message).replace(codeframeRE, '') : String(err.message ?? '')
    if (err.plugin) {
      this.text('.plugin', `[plugin:${err.plugin}] `)
    }
    this.text('.message-body', message.trim())

    const [file] = (err.loc?.file || err.id || 'unknown file').split('?')
    if (err.loc) {
      this.text('.file', `${file}:${err.loc.line}:${err.loc.column}`, links)
    } else if (err.id) {
      this.text('.file', file)
    }
    if (hasFrame) {
      this.text('.frame', err.frame.trim())
    }
    this.text('.stack', err.stack ?? '', links)

    this.root.querySelector('.window').addEventListener('click', (e) => {
      e.stopPropagation()
    })
    this.addEventListener('click', () => {
      this.close()
    })
    this.closeOnEsc = (e) => {
      if (e.key === 'Escape' || e.code === 'Escape') {
        this.close()
      }
    }
    document.addEventListener('keydown', this.closeOnEsc)
  }

  text(selector, text, linkFiles = false) {
    const el = this.root.querySelector(selector)
    if (!linkFiles) {
      el.textContent = text
      return
    }
    let curIndex = 0
    let match
    fileRE.lastIndex = 0
    while ((match = fileRE.exec(text))) {
      const { 0: file, index } = match
      const frag = text.slice(curIndex, index)
      el.appendChild(document.createTextNode(frag))
      const link = document.createElement('a')
      link.textContent = file
      link.className = 'file-link'
      link.onclick = () => {
        fetch(new URL(`${base}__open-in-editor?file=${encodeURIComponent(file)}`, import.meta.url))
      }
      el.appendChild(link)
      curIndex = index + file.length
    }
    el.appendChild(document.createTextNode(text.slice(curIndex)))
  }

  close() {
    this.parentNode?.removeChild(this)
    document.removeEventListener('keydown', this.closeOnEsc)
  }
}

const { customElements } = globalThis
if (customElements && !customElements.get(overlayId)) {
  customElements.define(overlayId, ErrorOverlay)
}
