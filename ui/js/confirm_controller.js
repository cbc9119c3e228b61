// A question before anything is cleared: the confirm screen, and what yes
// and no each do.

import { fail, show } from "./navigation.js";
import { confirmView } from "./views.js";

export function confirmThen(question, confirmed, cancelled) {
  show(confirmView(question, {
    confirm: () => confirmed().catch(fail),
    cancel: () => Promise.resolve(cancelled()).catch(fail),
  }));
}
