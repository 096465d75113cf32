// @vitest-environment jsdom
import { fail, ok, type PaperImagesSaved, type Result } from '@shared/contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SavePaperImages } from './SavePaperImages';

afterEach(cleanup);

const HASH = 'f'.repeat(64);
const REMOTE = '<p>Text</p><img src="https://cdn.example/fig1.png" alt="Figure 1" />';

/** A save the test answers by hand, so the busy state can be seen. */
function deferredSave() {
  const calls: string[] = [];
  let answer!: (result: Result<PaperImagesSaved, string>) => void;
  const save = (itemId: string) => {
    calls.push(itemId);
    return new Promise<Result<PaperImagesSaved, string>>((resolve) => (answer = resolve));
  };
  return { calls, save, answer: (result: Result<PaperImagesSaved, string>) => answer(result) };
}

describe('SavePaperImages', () => {
  it('offers nothing for a paper without images, or whose images are all saved', () => {
    const { save } = deferredSave();
    const { rerender } = render(
      <SavePaperImages itemId="a" contentHtml="<p>No images</p>" save={save} />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    rerender(
      <SavePaperImages
        itemId="a"
        contentHtml={`<img src="/files/images/${HASH}" alt="Saved" />`}
        save={save}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('saves the paper’s images when asked and says how it went', async () => {
    const { calls, save, answer } = deferredSave();
    render(<SavePaperImages itemId="a" contentHtml={REMOTE} save={save} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save this paper’s images' }));
    expect(calls).toEqual(['a']);
    expect(screen.getByRole('button', { name: 'Saving images…' }).hasAttribute('disabled')).toBe(
      true,
    );

    await act(async () =>
      answer(
        ok({
          itemId: 'a',
          stored: 1,
          failed: [{ url: 'https://cdn.example/fig2.png', message: 'The server answered 404.' }],
        }),
      ),
    );

    expect(screen.getByRole('status').textContent).toBe(
      'Saved 1 image. 1 could not be saved: The server answered 404.',
    );
  });

  it('shows why nothing could be saved', async () => {
    const { save, answer } = deferredSave();
    render(<SavePaperImages itemId="a" contentHtml={REMOTE} save={save} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save this paper’s images' }));
    await act(async () => answer(fail('not-found', 'That article is no longer in your library.')));

    expect(screen.getByRole('status').textContent).toBe(
      'That article is no longer in your library.',
    );
  });
});
