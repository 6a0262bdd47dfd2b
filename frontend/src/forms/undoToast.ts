import { h } from 'vue'
import { NButton, type MessageApi } from 'naive-ui'

/**
 * undoToast says what was deleted with 撤销 beside it for a few seconds;
 * clicking it runs undo (which puts the thing back) and says so, or shows
 * why it could not.
 */
export function undoToast(
  message: MessageApi,
  text: string,
  labels: { undo: string; undone: string },
  undo: () => Promise<void>,
  failed: (e: unknown) => string,
): void {
  const m = message.success(
    () =>
      h('span', { class: 'undo-toast' }, [
        text,
        h(
          NButton,
          {
            text: true,
            type: 'primary',
            style: 'margin-left: 12px',
            'data-testid': 'toast-undo',
            onClick: async () => {
              m.destroy()
              try {
                await undo()
                message.success(labels.undone)
              } catch (e) {
                message.error(failed(e))
              }
            },
          },
          { default: () => labels.undo },
        ),
      ]),
    { duration: 8000 },
  )
}
