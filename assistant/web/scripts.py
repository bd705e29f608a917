"""The few lines of JavaScript the pages run (as `gr.HTML(js_on_load=...)`): no inline handlers in the HTML.

In `js_on_load`, `element` is the component, `trigger(event, data)` sends a Gradio event whose data
the Python handler reads from `gr.EventData`, and `watch('value', fn)` runs after each re-render.
"""

# Keep a scrolling thread at the newest message, unless the reader scrolled up.
_FOLLOW = """
const box = (() => {  // the nearest scrolling ancestor: the block (shopper) or Gradio's max-height wrapper (staff)
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(e).overflowY)) return e;
  }
  return element;
})();
let stick = true, auto = -1;  // follow new messages unless the reader scrolled up
box.addEventListener('scroll', () => {
  if (Math.abs(box.scrollTop - auto) < 2) return;  // our own scroll, not the reader's
  stick = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
});
const follow = () => { if (stick) { box.scrollTop = box.scrollHeight; auto = box.scrollTop; } };
watch('value', follow);
new ResizeObserver(follow).observe(box);
setTimeout(follow, 0);
"""

SHOPPER_THREAD_JS = _FOLLOW + """
document.addEventListener('click', (e) => { if (e.target.closest('#aisle-send, #aisle-quick button')) stick = true; });
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target.closest('#aisle-input')) stick = true;
});
element.addEventListener('click', (e) => {
  const b = e.target.closest('[data-act]');
  if (!b || b.disabled) return;
  e.preventDefault();
  if (b.dataset.act === 'add') {  // the card's own words (data-adding, data-added, data-label) in its language
    const label = b.dataset.label || b.textContent;
    b.disabled = true; b.textContent = b.dataset.adding || 'Adding…';
    setTimeout(() => { b.textContent = b.dataset.added || 'Added ✓'; }, 400);
    setTimeout(() => { b.disabled = false; b.textContent = label; }, 2000);
  }
  trigger('click', {act: b.dataset.act, product: b.dataset.product || '', turn: b.dataset.turn || '',
                    value: b.dataset.value || ''});
});
"""

STAFF_THREAD_JS = _FOLLOW

QUEUE_JS = """
const open = (row) => { if (row) trigger('click', {act: 'open', session: row.dataset.session}); };
element.addEventListener('click', (e) => open(e.target.closest('[data-act="open"]')));
element.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(e.target.closest('[data-act="open"]')); }
});
"""

# The header says "Online" only while the server answers: a failed health check (two in a row, so a
# single slow answer is not a blip) switches it to "Offline · reconnecting…" until one succeeds.
HEADER_JS = """
const root = (window.gradio_config && window.gradio_config.root) || location.origin;
const url = new URL('healthz', root.replace(/\\/?$/, '/'));
let failures = 0;
const show = () => {
  const offline = failures >= 2;
  element.classList.toggle('aisle-offline', offline);
  const sub = element.querySelector('.aisle-header-sub');
  if (!sub) return;
  if (offline && sub.dataset.online === undefined) {
    sub.dataset.online = sub.textContent;
    sub.textContent = sub.dataset.offline || 'Offline · reconnecting…';  // in the chat's language
    sub.setAttribute('role', 'status');
  } else if (!offline && sub.dataset.online !== undefined) {
    sub.textContent = sub.dataset.online;
    delete sub.dataset.online;
  }
};
const check = async () => {
  try {
    const r = await fetch(url, {cache: 'no-store'});
    failures = r.ok ? 0 : failures + 1;
  } catch (e) {
    failures += 1;
  }
  show();
};
setInterval(check, 3000);
watch('value', show);
"""
