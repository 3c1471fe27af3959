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

// Server-rendered pages updated in place, served at /@vite/morph.mjs and started by the
// client. After connecting it tells the server it can morph, with the id the server gave
// this page (in a Server-Timing header, hmr-page;desc="<id>", which leaves the HTML as it
// is). When a template or .html page the page
// used is saved, the server sends hmr:template-update; the page then fetches its own URL
// again and merges the new HTML into the live document.
//
// The merge is three-way: base is the HTML the server sent last (a snapshot taken when
// this module runs, before any other module has touched the page; after an update, the
// fetched page), new is the fetched page, live is the document. Where base and new agree
// the live document is left as it is, so what the user typed, what they opened or toggled
// and what JavaScript inserted, changed or removed survives; where the template changed a
// spot, the template wins. Form state needs nothing special: a changed value, checked or
// selected attribute is the default, which a browser shows only while the user has not
// edited the control.
//
// A page that answered a form submission (a POST) or an error status is never fetched by
// its URL, which would show the empty form or submit it again: the server names such a
// page in a second Server-Timing entry, hmr-replay;desc="captured" when it kept the view
// and model of its render (the page is then rendered again from them at
// /@hmr/page/<id>, for this session only), desc="none" when it could not (the page then
// shows a notice instead of reloading).

const PAGE_TIMING = 'hmr-page'
const REPLAY_TIMING = 'hmr-replay'
const NOTICE_ATTRIBUTE = 'data-hmr-notice'
const PERMANENT_ATTRIBUTE = 'data-hmr-permanent'
const IGNORED_ATTRIBUTES = new Set(['nonce'])

/**
 * Start updating this page in place.
 * @param hot the hot context of this module (listens and sends on the HMR socket)
 * @param options reload(): a full reload; showError(err) / clearError(): the overlay;
 * notify(event, data): calls the modules' import.meta.hot.on listeners and waits for them
 */
export function setupMorph(hot, { reload, showError, clearError, notify = async () => {} }) {
  let pageId = timingOfNavigation(PAGE_TIMING)
  // 'captured', 'none', or null for a page that is fetched again by its URL
  let replay = timingOfNavigation(REPLAY_TIMING)
  const [navigation] = performance.getEntriesByType('navigation')
  const errorPage = !!navigation && navigation.responseStatus >= 400
  const nonce = liveNonce(document)
  const morpher = createMorpher(document, { nonce })
  let latest = 0
  let controller

  hot.on('vite:ws:connect', () => hot.send('hmr:morph-ready', { page: pageId }))
  // not awaited: the socket's next message (a newer save) must be able to cancel this one
  hot.on('hmr:template-update', (data) => {
    update(data).catch((err) => {
      console.error('[hmr] could not update the page in place', err)
      fallBack('the update failed')
    })
  })

  // What cannot be morphed: a page fetched by its URL reloads; a form's result page
  // shows a notice, as a reload would submit the form again
  function fallBack(reason) {
    if (replay) {
      console.info(`[hmr] ${reason}; a reload would submit the form again, so the page stays`)
      showNotice(reason)
    } else {
      console.info(`[hmr] ${reason}; reloading`)
      reload()
    }
  }

  async function update(data) {
    if (replay === 'none') {
      fallBack('the template changed, and this page came from a form the server cannot render again')
      return
    }
    if (!replay && (errorPage || document.querySelector('meta[name="hmr-template-update"][content="reload"]'))) {
      // an error page (a 404 before its file existed, a 500) turns into the real page by a
      // reload, not by a merge with a page it never was; a page can also ask for reloads
      reload()
      return
    }
    const seq = ++latest
    if (controller) {
      controller.abort()
    }
    controller = new AbortController()
    const url = replay ? new URL(`../@hmr/page/${pageId}`, import.meta.url).href : location.href
    let response
    let text
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'text/html' },
        signal: controller.signal,
      })
      text = await response.text()
    } catch (err) {
      if (err && err.name === 'AbortError') {
        return
      }
      throw err
    }
    if (seq !== latest) {
      return // a newer save is on its way
    }
    const type = (response.headers.get('content-type') || '').toLowerCase()
    if (response.redirected || withoutHash(response.url) !== withoutHash(url)) {
      // a session that expired (a login page) or a moved page: never morph another page in
      fallBack(`${location.pathname} now redirects to ${response.url}`)
      return
    }
    if (replay && response.status === 404) {
      fallBack('the template changed, and the server no longer holds what this page was rendered from')
      return
    }
    if (!response.ok) {
      // a template that fails to render: the page stays as it is until the fix. The
      // server's own error message (with the template's line) may be shown already.
      if (document.querySelector('vite-error-overlay')) {
        return
      }
      showError({
        message: `GET ${location.pathname} answered ${response.status} after ${data && data.file}; the page was left as it is`,
        stack: textOf(text, type),
        plugin: 'hmr:template-update',
        id: location.pathname,
      })
      return
    }
    if (!type.startsWith('text/html')) {
      fallBack(`${location.pathname} now answers ${type || 'something'} that is not HTML`)
      return
    }
    const doc = new DOMParser().parseFromString(withNonce(text, nonce), 'text/html')
    const reason = reloadReason(morpher.base(), doc)
    if (reason) {
      fallBack(reason)
      return
    }
    const detail = { document: doc, file: data && data.file }
    if (!document.dispatchEvent(new CustomEvent('hmr:before-morph', { cancelable: true, detail }))) {
      return
    }
    // import.meta.hot.on listeners get the same detail (they cannot cancel, as in Vite)
    await notify('hmr:before-morph', detail)
    if (seq !== latest) {
      return // a newer save came while the listeners ran
    }
    morpher.morph(doc)
    const timing = response.headers.get('server-timing')
    pageId = timingOfHeader(timing, PAGE_TIMING)
    replay = replay ? timingOfHeader(timing, REPLAY_TIMING) || 'none' : null
    hot.send('hmr:morph-ready', { page: pageId })
    clearError()
    document.dispatchEvent(new CustomEvent('hmr:after-morph', { detail }))
    await notify('hmr:after-morph', detail)
    console.debug(`[hmr] updated ${location.pathname} in place`)
  }
}

// The CSP nonce of the live page: every response has a fresh one, and only the live
// page's is allowed, so the nodes a morph brings in get it. Browsers hide the attribute
// once the page has loaded; the nonce property keeps it.
function liveNonce(doc) {
  const client = doc.querySelector('script[src$="/@vite/client"]')
  if (client && client.nonce) {
    return client.nonce
  }
  for (const el of doc.querySelectorAll('meta[property="csp-nonce"], script, style, link')) {
    if (el.nonce) {
      return el.nonce
    }
  }
  return ''
}

// The fetched page with the live page's nonce in place of its own: a parsed document's
// <style nonce> is checked against the live page's policy already, and refused (with a
// securitypolicyviolation) when its nonce is the fresh one of the fetched response.
function withNonce(html, nonce) {
  return nonce ? html.replace(/(<[^>]*?\snonce\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/gi, (_, start) => `${start}"${nonce}"`) : html
}

// A small note at the bottom of the page, once: what changed could not be shown.
function showNotice(reason) {
  let notice = document.querySelector(`[${NOTICE_ATTRIBUTE}]`)
  if (!notice) {
    notice = document.createElement('div')
    notice.setAttribute(NOTICE_ATTRIBUTE, '')
    notice.setAttribute(PERMANENT_ATTRIBUTE, '')
    notice.setAttribute('role', 'status')
    // through the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows
    Object.assign(notice.style, {
      position: 'fixed',
      right: '12px',
      bottom: '12px',
      zIndex: '2147483647',
      maxWidth: '28em',
      padding: '8px 12px',
      borderRadius: '6px',
      background: '#181818',
      color: '#fff',
      font: '13px/1.4 system-ui, sans-serif',
      boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    })
    document.body.append(notice)
  }
  notice.textContent = 'Template changed \u2014 reload to see it.'
  notice.title = reason
}

// The server names the page in the navigation's Server-Timing (exposed to same-origin
// pages in secure contexts, localhost included); without it the page counts as using every
// template.
function timingOfNavigation(name) {
  const [navigation] = performance.getEntriesByType('navigation')
  const timing = navigation && navigation.serverTiming && navigation.serverTiming.find((t) => t.name === name)
  return timing ? timing.description : null
}

function timingOfHeader(header, name) {
  const match = header && new RegExp(`(?:^|,)\\s*${name}\\s*;\\s*desc="?([A-Za-z0-9-]+)"?`).exec(header)
  return match ? match[1] : null
}

function withoutHash(url) {
  const hash = url.indexOf('#')
  return hash < 0 ? url : url.slice(0, hash)
}

function textOf(body, type) {
  if (!type.startsWith('text/html')) {
    return body.slice(0, 4000)
  }
  const doc = new DOMParser().parseFromString(body, 'text/html')
  return (doc.body ? doc.body.innerText || doc.body.textContent : '').trim().slice(0, 4000)
}

/**
 * Why the new page cannot be morphed in: a script (an import map is one) that is new or
 * changed would not run, or would run a second time, after a morph. Scripts the new page
 * dropped do not count: what they did stays until the next reload.
 */
function reloadReason(base, doc) {
  const meta = doc.querySelector('meta[name="hmr-template-update"]')
  if (meta && meta.getAttribute('content') === 'reload') {
    return 'the page asks to be reloaded (meta hmr-template-update)'
  }
  const before = new Set(Array.from(base.querySelectorAll('script, base'), scriptKey))
  for (const script of doc.querySelectorAll('script, base')) {
    if (!before.has(scriptKey(script))) {
      return `the template added or changed a <${script.localName}>`
    }
  }
  return null
}

function scriptKey(el) {
  return el.localName + attributesKey(el) + '>' + el.textContent
}

function attributesKey(el) {
  const names = el
    .getAttributeNames()
    .filter((name) => !IGNORED_ATTRIBUTES.has(name))
    .sort()
  return names.map((name) => ` ${name}="${el.getAttribute(name)}"`).join('')
}

/**
 * The three-way merge of a document. origin maps each live node the server rendered to
 * its node in base; nodes JavaScript (or the user) created have none.
 * @param liveDocument the document to update
 * @param options nonce: the live page's CSP nonce, for the stylesheet links a morph swaps (the
 * fetched page has it already: see withNonce)
 */
export function createMorpher(liveDocument, { nonce = '' } = {}) {
  const origin = new WeakMap()
  let base = liveDocument.documentElement.cloneNode(true)
  mapOrigins(liveDocument.documentElement, base)

  function mapOrigins(live, server) {
    origin.set(live, server)
    let l = live.firstChild
    let s = server.firstChild
    while (l && s) {
      mapOrigins(l, s)
      l = l.nextSibling
      s = s.nextSibling
    }
  }

  const hashes = new WeakMap()

  // A hash of a node and all it holds, without the attributes that differ in every render.
  function hashOf(node) {
    let hash = hashes.get(node)
    if (hash !== undefined) {
      return hash
    }
    let text
    if (node.nodeType === Node.ELEMENT_NODE) {
      text = '<' + node.localName + attributesKey(node) + '>'
      for (let child = node.firstChild; child; child = child.nextSibling) {
        text += hashOf(child) + ','
      }
    } else {
      text = node.nodeType + ':' + node.nodeValue
    }
    hash = cyrb53(text)
    hashes.set(node, hash)
    return hash
  }

  // Nodes that can be morphed into each other: same kind, same tag, and for form controls
  // the same type and name.
  function signature(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return '#' + node.nodeType
    }
    let signature = node.localName
    if (node.localName === 'input' || node.localName === 'select' || node.localName === 'textarea') {
      signature += '|' + (node.getAttribute('type') || '') + '|' + (node.getAttribute('name') || '')
    }
    return signature
  }

  /** Pairs base children with new children: index in base → index in new and back. */
  function matchChildren(baseKids, newKids) {
    const baseToNew = new Array(baseKids.length).fill(-1)
    const newToBase = new Array(newKids.length).fill(-1)
    const pair = (b, n) => {
      baseToNew[b] = n
      newToBase[n] = b
    }
    // 1. ids, wherever they moved among the siblings
    const byId = new Map()
    baseKids.forEach((node, b) => {
      if (node.nodeType === Node.ELEMENT_NODE && node.id) {
        byId.set(node.localName + '#' + node.id, b)
      }
    })
    newKids.forEach((node, n) => {
      if (node.nodeType === Node.ELEMENT_NODE && node.id) {
        const b = byId.get(node.localName + '#' + node.id)
        if (b !== undefined && baseToNew[b] < 0) {
          pair(b, n)
        }
      }
    })
    // 2. unchanged nodes, in order
    const byHash = new Map()
    baseKids.forEach((node, b) => {
      if (baseToNew[b] < 0) {
        const hash = hashOf(node)
        const list = byHash.get(hash)
        if (list) {
          list.push(b)
        } else {
          byHash.set(hash, [b])
        }
      }
    })
    let next = 0
    newKids.forEach((node, n) => {
      if (newToBase[n] >= 0 || (node.nodeType === Node.ELEMENT_NODE && node.id)) {
        return
      }
      const list = byHash.get(hashOf(node))
      if (!list) {
        return
      }
      while (list.length > 0 && list[0] < next) {
        list.shift()
      }
      if (list.length > 0) {
        const b = list.shift()
        pair(b, n)
        next = b + 1
      }
    })
    // 3. changed nodes: the first of the same signature between the base nodes that the
    // nearest matched neighbours stand for
    newKids.forEach((node, n) => {
      if (newToBase[n] >= 0 || (node.nodeType === Node.ELEMENT_NODE && node.id)) {
        return
      }
      let low = 0
      for (let p = n - 1; p >= 0; p--) {
        if (newToBase[p] >= 0) {
          low = newToBase[p] + 1
          break
        }
      }
      let high = baseKids.length - 1
      for (let p = n + 1; p < newKids.length; p++) {
        if (newToBase[p] >= 0) {
          high = newToBase[p] - 1
          break
        }
      }
      const wanted = signature(node)
      for (let b = low; b <= high; b++) {
        const candidate = baseKids[b]
        if (
          baseToNew[b] < 0 &&
          signature(candidate) === wanted &&
          !(candidate.nodeType === Node.ELEMENT_NODE && candidate.id)
        ) {
          pair(b, n)
          break
        }
      }
    })
    return { baseToNew, newToBase }
  }

  // stylesheet links whose href the template changed, swapped after the morph
  let swaps = []

  function isStylesheet(el) {
    return (el.getAttribute('rel') || '').toLowerCase().split(/\s+/).includes('stylesheet')
  }

  // The new <link> goes in after the old one, which stays until the new sheet has loaded
  // (or failed to), so no frame is drawn without either
  function swapStylesheet({ live, from, to }) {
    const next = live.cloneNode(false)
    morphAttributes(next, from, to)
    const liveNonce = live.nonce || nonce
    if (liveNonce) {
      next.nonce = liveNonce
    }
    origin.delete(live)
    origin.set(next, to)
    const done = () => live.remove()
    next.addEventListener('load', done, { once: true })
    next.addEventListener('error', done, { once: true })
    live.after(next)
  }

  // htmx wires hx-* elements when it loads and after its own swaps only: the ones a morph
  // brought in (or re-attributed) are handed to it. Elements it wired before stay wired.
  function processHtmx(elements) {
    const htmx = liveDocument.defaultView && liveDocument.defaultView.htmx
    if (!htmx || typeof htmx.process !== 'function') {
      return
    }
    for (const el of elements) {
      if (el.isConnected) {
        try {
          htmx.process(el, true)
        } catch (err) {
          console.error('[hmr] htmx could not process', el, err)
        }
      }
    }
  }

  function isPermanent(node) {
    return node.nodeType === Node.ELEMENT_NODE && node.hasAttribute(PERMANENT_ATTRIBUTE)
  }

  // elements the morph created or whose hx-* attributes it changed, for htmx
  let touched = []

  function create(server) {
    const live = liveDocument.importNode(server, true)
    mapOrigins(live, server)
    if (live.nodeType === Node.ELEMENT_NODE) {
      touched.push(live)
    }
    return live
  }

  function morphNode(live, from, to) {
    origin.set(live, to)
    if (isPermanent(live)) {
      return
    }
    if (live.nodeType !== Node.ELEMENT_NODE) {
      if (from.nodeValue !== to.nodeValue) {
        live.nodeValue = to.nodeValue
      }
      return
    }
    if (live.localName === 'link' && isStylesheet(to) && from.getAttribute('href') !== to.getAttribute('href')) {
      // a new href is a new sheet: swapped once it has loaded, so the page is never unstyled
      swaps.push({ live, from, to })
      return
    }
    morphAttributes(live, from, to)
    if (live.localName === 'script' || live.localName === 'template') {
      return
    }
    morphChildren(live, from, to)
  }

  function morphAttributes(live, from, to) {
    const names = new Set([...from.getAttributeNames(), ...to.getAttributeNames()])
    for (const name of names) {
      if (name === 'nonce') {
        continue
      }
      const was = from.getAttribute(name)
      const now = to.getAttribute(name)
      if (was === now) {
        continue // the template did not change it: the live value stays, whoever set it
      }
      if (name.startsWith('hx-') || name.startsWith('data-hx-')) {
        touched.push(live)
      }
      if (name === 'class') {
        const merged = mergeTokens(live.getAttribute('class') || '', was || '', now || '')
        if (merged === '' && now === null) {
          live.removeAttribute('class')
        } else {
          live.setAttribute('class', merged)
        }
      } else if (now === null) {
        live.removeAttribute(name)
      } else if (name === 'style') {
        // through the CSSOM, which a Content-Security-Policy without 'unsafe-inline'
        // allows, as it does not allow a style attribute set from script
        live.style.cssText = now
      } else {
        live.setAttribute(name, now)
      }
    }
  }

  // Classes: the ones the template dropped go, the ones it added come, the ones a script
  // added stay.
  function mergeTokens(live, was, now) {
    const before = new Set(was.split(/\s+/).filter(Boolean))
    const after = now.split(/\s+/).filter(Boolean)
    const afterSet = new Set(after)
    const kept = live.split(/\s+/).filter((t) => t && !(before.has(t) && !afterSet.has(t)))
    const keptSet = new Set(kept)
    return [...kept, ...after.filter((t) => !keptSet.has(t) && !before.has(t))].join(' ')
  }

  function morphChildren(live, from, to) {
    const baseKids = Array.from(from.childNodes)
    const newKids = Array.from(to.childNodes)
    const { baseToNew, newToBase } = matchChildren(baseKids, newKids)
    const baseIndex = new Map(baseKids.map((node, i) => [node, i]))
    const liveOf = new Map()
    const liveKids = Array.from(live.childNodes)
    for (const child of liveKids) {
      const server = origin.get(child)
      const b = server !== undefined ? baseIndex.get(server) : undefined
      if (b !== undefined && !liveOf.has(b)) {
        liveOf.set(b, child)
      }
    }
    // text a script wrote in place of the server's (textContent = …): where the template
    // then changed that text, the template's text takes its place rather than joining it
    const scriptTexts = liveKids.filter((child) => child.nodeType === Node.TEXT_NODE && !origin.has(child))
    // what the new page holds, in its order
    const result = []
    const inResult = new Set()
    newKids.forEach((node, n) => {
      const b = newToBase[n]
      const child = b >= 0 ? liveOf.get(b) : undefined
      if (child) {
        morphNode(child, baseKids[b], node)
        result.push(child)
        inResult.add(child)
      } else if (b >= 0 && hashOf(baseKids[b]) === hashOf(node)) {
        // removed by a script, and the template did not change it: it stays removed
      } else if (b >= 0 && node.nodeType === Node.TEXT_NODE && scriptTexts.length > 0) {
        const replaced = scriptTexts.shift()
        replaced.nodeValue = node.nodeValue
        origin.set(replaced, node)
        result.push(replaced)
        inResult.add(replaced)
      } else {
        const created = create(node)
        result.push(created)
        inResult.add(created)
      }
    })
    // nodes the server rendered and the new page no longer has go; the others (a
    // script's, or permanent ones) stay after the node they followed
    const after = new Map()
    let previous = null
    for (const child of liveKids) {
      if (inResult.has(child)) {
        previous = child
        continue
      }
      const server = origin.get(child)
      const b = server !== undefined ? baseIndex.get(server) : undefined
      const fromServer = b !== undefined && liveOf.get(b) === child
      if (fromServer && baseToNew[b] < 0 && !isPermanent(child)) {
        child.remove()
        continue
      }
      const list = after.get(previous)
      if (list) {
        list.push(child)
      } else {
        after.set(previous, [child])
      }
    }
    const order = [...(after.get(null) || [])]
    for (const child of result) {
      order.push(child)
      order.push(...(after.get(child) || []))
    }
    let cursor = live.firstChild
    for (const node of order) {
      if (node === cursor) {
        cursor = cursor.nextSibling
        continue
      }
      if (node.parentNode === live && typeof live.moveBefore === 'function') {
        // keeps focus, selection and running animations of what moves
        live.moveBefore(node, cursor)
      } else {
        live.insertBefore(node, cursor)
      }
    }
  }

  return {
    base() {
      return base
    },
    /** Merge a newly rendered document into the live one. */
    morph(doc) {
      const active = liveDocument.activeElement
      let selection = null
      if (active && typeof active.selectionStart === 'number') {
        selection = [active.selectionStart, active.selectionEnd, active.selectionDirection]
      }
      const scroll = [window.scrollX, window.scrollY]
      swaps = []
      touched = []
      morphNode(liveDocument.documentElement, base, doc.documentElement)
      base = doc.documentElement
      swaps.forEach(swapStylesheet)
      processHtmx(touched)
      swaps = []
      touched = []
      if (active && active.isConnected && liveDocument.activeElement !== active) {
        active.focus({ preventScroll: true })
        if (selection) {
          try {
            active.setSelectionRange(...selection)
          } catch {
            // not a text control any more
          }
        }
      }
      if (window.scrollX !== scroll[0] || window.scrollY !== scroll[1]) {
        window.scrollTo(scroll[0], scroll[1])
      }
    },
  }
}

// cyrb53 (public domain, bryc): a fast 53-bit string hash
function cyrb53(str) {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
