// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfFindBar, type PdfFindState } from './PdfFindBar';
import { PdfToolbar, type PdfToolbarProps } from './PdfToolbar';

afterEach(cleanup);

function renderToolbar(overrides: Partial<PdfToolbarProps> = {}) {
  const props: PdfToolbarProps = {
    page: 3,
    pageCount: 12,
    zoom: 1.25,
    fitWidth: false,
    hasOutline: true,
    outlineOpen: false,
    outlineId: 'outline',
    onGoToPage: vi.fn(),
    onZoomIn: vi.fn(),
    onZoomOut: vi.fn(),
    onFitWidth: vi.fn(),
    onToggleOutline: vi.fn(),
    ...overrides,
  };
  render(<PdfToolbar {...props} />);
  return props;
}

describe('PdfToolbar', () => {
  it('shows the page as "N of M" and the zoom as a percentage', () => {
    renderToolbar();

    expect(screen.getByRole('textbox', { name: 'Page number, 1 to 12' })).toHaveProperty(
      'value',
      '3',
    );
    expect(screen.getByText('of 12')).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Zoom' }).textContent).toBe('125%');
  });

  it('goes to a typed page on Enter, and ignores a page the PDF does not have', async () => {
    const props = renderToolbar();
    const field = screen.getByRole('textbox', { name: /Page number/ });

    await userEvent.type(field, '{Control>}a{/Control}7{Enter}');
    await userEvent.type(field, '{Control>}a{/Control}40{Enter}');

    expect(props.onGoToPage).toHaveBeenCalledTimes(1);
    expect(props.onGoToPage).toHaveBeenCalledWith(7);
    expect(field).toHaveProperty('value', '3');
  });

  it('labels every button and disables those that cannot act', async () => {
    const props = renderToolbar({ page: 1, zoom: 4, hasOutline: false });

    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Zoom in' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Outline' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    await userEvent.click(screen.getByRole('button', { name: 'Fit width' }));
    expect(props.onGoToPage).toHaveBeenCalledWith(2);
    expect(props.onZoomOut).toHaveBeenCalledOnce();
    expect(props.onFitWidth).toHaveBeenCalledOnce();
  });
});

describe('PdfFindBar', () => {
  function renderFindBar(state: PdfFindState) {
    const onFind = vi.fn();
    const onStep = vi.fn();
    render(<PdfFindBar state={state} inputRef={createRef()} onFind={onFind} onStep={onStep} />);
    return { onFind, onStep };
  }

  const found: PdfFindState = {
    kind: 'done',
    query: 'stroke',
    matches: [
      { page: 2, start: 0, end: 6 },
      { page: 5, start: 10, end: 16 },
    ],
    active: 1,
  };

  it('counts matches and names the page of the one shown', () => {
    renderFindBar(found);

    expect(screen.getByRole('status').textContent).toBe('Match 2 of 2, page 5');
  });

  it('finds on Enter, then steps through matches with Enter and Shift+Enter', async () => {
    const { onFind, onStep } = renderFindBar(found);
    const field = screen.getByRole('searchbox', { name: 'Find in PDF' });

    await userEvent.type(field, 'bleed{Enter}');
    expect(onFind).toHaveBeenCalledWith('bleed');

    await userEvent.clear(field);
    await userEvent.type(field, 'stroke{Enter}');
    await userEvent.type(field, '{Shift>}{Enter}{/Shift}');
    expect(onStep.mock.calls).toEqual([[1], [-1]]);
  });

  it('says when nothing was found or while pages are being read', () => {
    renderFindBar({ kind: 'done', query: 'x', matches: [], active: 0 });
    expect(screen.getByRole('status').textContent).toBe('No matches');
    cleanup();

    renderFindBar({ kind: 'reading', pagesRead: 4, pageCount: 30 });
    expect(screen.getByRole('status').textContent).toBe('Searching… page 4 of 30');
    expect(screen.getByRole('button', { name: 'Next match' })).toHaveProperty('disabled', true);
  });
});
