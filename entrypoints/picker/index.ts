// Injected on demand, like the clip script, when the user picks "Remove parts…": runs the picker on the page and
// hands the marked blocks' selectors to the background, which clips the page again without them.
import { defineUnlistedScript } from '#imports';
import { browser } from 'wxt/browser';
import { startPicker } from '../../utils/dom/picker';
import type { PickerDoneMessage } from '../../utils/pure/protocol';
import { PAGE_MESSAGE } from '../../utils/pure/protocol';

interface PickerGlobal {
  __postclipPicker?: boolean;
}

/** The picker's two lines, in the user's language (the keys are checked like the pages' t() calls). */
const t = (key: 'editorPickerHint' | 'editorPickerMarked', subs?: string[]) =>
  browser.i18n.getMessage(key, subs);

export default defineUnlistedScript(() => {
  const flag = globalThis as PickerGlobal;
  // A second "Remove parts…" while one is running keeps the one already on the page.
  if (flag.__postclipPicker) return;
  flag.__postclipPicker = true;
  startPicker(document, {
    hint: t('editorPickerHint'),
    countText: (count) => t('editorPickerMarked', [String(count)]),
    onDone: (selectors) => {
      flag.__postclipPicker = false;
      if (selectors && selectors.length > 0)
        void browser.runtime.sendMessage({
          type: PAGE_MESSAGE.pickerDone,
          payload: { selectors },
        } satisfies PickerDoneMessage);
    },
  });
});
