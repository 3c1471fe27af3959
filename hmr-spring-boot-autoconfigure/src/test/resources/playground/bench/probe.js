// Records when a color or a text first shows, by the page's clock (Date.now), checked on
// every animation frame: what the next painted frame shows is what the user sees.
const seen = (window.__seen = {})
const styled = document.querySelector('.styled')
const text = document.querySelector('.text')
const frame = () => {
  const now = Date.now()
  const color = getComputedStyle(styled).color
  if (!(color in seen)) {
    seen[color] = now
  }
  if (!(text.textContent in seen)) {
    seen[text.textContent] = now
  }
  requestAnimationFrame(frame)
}
requestAnimationFrame(frame)
