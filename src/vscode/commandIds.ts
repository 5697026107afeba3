/** Ids of commands that one feature registers and another links to or runs. */

/** Reveals a code in the Themes view (registered by the views, linked from the editor's hover). */
export const REVEAL_CODE_COMMAND = 'qualsynth.revealCode';
