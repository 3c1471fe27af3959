// Custom events both ways over the HMR socket.
//  - browser to server: import.meta.hot.send(event, data) reaches ServerHotChannel.on(event, …)
//    listeners (BrowserMessages.java answers 'sample:hello' to this browser only);
//  - server to browser: ServerHotChannel.send / client.send reach import.meta.hot.on(event, …).
const form = document.querySelector('#hello')
const replies = document.querySelector('#replies')
const status = document.querySelector('#status')

function show(text) {
  const item = document.createElement('li')
  item.textContent = text
  replies.append(item)
}

if (import.meta.hot) {
  import.meta.hot.on('sample:reply', ({ greeting }) => show(greeting))
  // Built-in events of the client
  import.meta.hot.on('vite:ws:connect', () => { status.textContent = 'connected' })
  import.meta.hot.on('vite:ws:disconnect', () => { status.textContent = 'disconnected (the server is down?)' })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    import.meta.hot.send('sample:hello', { name: form.elements.name.value })
  })
}
else {
  status.textContent = 'HMR is off: custom events need the development server'
}

document.querySelector('#broadcast').addEventListener('submit', async (event) => {
  event.preventDefault()
  const message = event.target.elements.message.value
  // JSON, not a form: a page on another site cannot send JSON here without a CORS preflight
  const response = await fetch('/api/broadcast', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message }),
  })
  show(response.ok ? `broadcast to ${(await response.json()).browsers} browser(s)` : `broadcast failed: ${response.status}`)
})
