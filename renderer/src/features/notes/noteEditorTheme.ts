import type { EditorThemeClasses } from 'lexical';

/** The class names Lexical puts on a note's blocks and text; styled in NoteEditor.css. */
export const NOTE_EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'note-paragraph',
  heading: { h2: 'note-heading note-heading-2', h3: 'note-heading note-heading-3' },
  quote: 'note-quote',
  list: {
    ul: 'note-list note-list-bullet',
    ol: 'note-list note-list-number',
    listitem: 'note-list-item',
    nested: { listitem: 'note-list-item-nested' },
  },
  link: 'note-link',
  text: { bold: 'note-text-bold', italic: 'note-text-italic' },
};
