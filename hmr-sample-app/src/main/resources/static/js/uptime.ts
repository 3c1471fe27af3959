// TypeScript, compiled by the starter as it is served (no build step, no Node): change the
// label and save, and the module is swapped in place keeping its start time
// (import.meta.hot.data), as a .js module would. Types are stripped, not checked, as in Vite.
interface UptimeData {
  startedAt?: number
}

const label: string = 'This page has been open for'
const data: UptimeData = import.meta.hot?.data ?? {}
const startedAt: number = data.startedAt ?? Date.now()
const output = document.querySelector<HTMLElement>('#uptime')

function render(): void {
  if (output) {
    const seconds: number = Math.round((Date.now() - startedAt) / 1000)
    output.textContent = `${label} ${seconds} s`
  }
}

render()
const timer: number = window.setInterval(render, 1000)

if (import.meta.hot) {
  import.meta.hot.dispose((next: UptimeData) => {
    window.clearInterval(timer)
    next.startedAt = startedAt
  })
  import.meta.hot.accept()
}
