// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG_TITLE_CHARACTERS, ReaderTitle } from './ReaderTitle';

afterEach(cleanup);

describe('ReaderTitle', () => {
  it('clamps a very long title, with its whole text as the tooltip, until asked to show it', async () => {
    const user = userEvent.setup();
    const title = `Effect of ${'intensive '.repeat(LONG_TITLE_CHARACTERS / 10)}blood pressure control`;
    render(<ReaderTitle title={title} highlight={[]} />);
    const heading = screen.getByRole('heading', { level: 1, name: title });
    expect(heading.className).toContain('is-clamped');
    expect(heading.getAttribute('title')).toBe(title);

    await user.click(screen.getByRole('button', { name: 'Show the whole title' }));

    expect(heading.className).not.toContain('is-clamped');
    expect(screen.getByRole('button', { name: 'Show less of the title' })).toBeTruthy();
  });

  it('leaves an ordinary title alone', () => {
    render(<ReaderTitle title="Aspirin in primary prevention" highlight={[]} />);
    expect(screen.getByRole('heading', { level: 1 }).className).toBe('reader-title');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
