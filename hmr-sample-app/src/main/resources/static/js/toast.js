// Loaded by every page: `curl -X POST -H 'Content-Type: application/json' -d '{"message":"hi"}'
// localhost:8080/api/broadcast` shows a
// toast on each open page (BroadcastController calls ServerHotChannel.send).
const toasts = document.createElement('div')
toasts.id = 'toasts'
document.body.append(toasts)

function toast(text) {
  const element = document.createElement('div')
  element.className = 'toast'
  element.textContent = text
  toasts.append(element)
  setTimeout(() => element.remove(), 5000)
}

import.meta.hot?.on('sample:message', ({ message }) => toast(message))
