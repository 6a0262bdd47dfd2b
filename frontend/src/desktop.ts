// Window-wide state of the desktop shell: whether the first-run welcome is
// due, and a file dropped on the window waiting for the import wizard.
import { ref } from 'vue'

/** True while the workspace is new and the welcome screen has not been answered. */
export const welcomeDue = ref(false)

/** True while a passphrase protects the workspace and it is not unlocked: only the lock screen shows. */
export const lockedDue = ref(false)

/** The last file dropped on the window, until the import wizard takes it. */
export const droppedFile = ref<string | null>(null)

/** takeDroppedFile hands the dropped file over once and forgets it. */
export function takeDroppedFile(): string | null {
  const p = droppedFile.value
  droppedFile.value = null
  return p
}

/**
 * screenShortcut returns the 0-based rail position Ctrl+1…9 (⌘ on macOS)
 * selects, or null for any other key.
 */
export function screenShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): number | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null
  return /^[1-9]$/.test(e.key) ? Number(e.key) - 1 : null
}
