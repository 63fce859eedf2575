import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import type { TimeZoneMode } from '@/lib/time';
import { indexOfKeyIn } from '@/datasources/traces/worker';
import type { TraceHandle } from '@/datasources/traces/worker';
import { useCollapse } from '../hooks/useCollapse';
import { useCriticalPath, useGenAi } from '../hooks/useAnalyses';
import { useFind } from '../hooks/useFind';
import { useSelection } from '../hooks/useSelection';
import type { TraceUrlState } from '../hooks/useTraceUrl';
import { stepMatch } from '../model/findNav';
import { navigate } from '../model/navigation';
import { createScrollStore, type ScrollStore } from '../model/scrollStore';
import { AnalysisTabs, type TabId } from './AnalysisTabs';
import { Minimap } from './Minimap';
import { SpanDetailPanel } from './SpanDetailPanel';
import { TimelineHeader } from './TimelineHeader';
import { Toolbar } from './Toolbar';
import { TraceHeader } from './TraceHeader';
import { Waterfall, type WaterfallHandle } from './Waterfall';

/** The loaded trace: header, waterfall with minimap and toolbar, span detail, analyses. */
export function TraceExplorer({
  handle,
  url,
  tz,
}: {
  handle: TraceHandle;
  url: TraceUrlState;
  tz: TimeZoneMode;
}) {
  const { overview } = handle;
  const [initialSpan] = useState(() => (url.span ? indexOfKeyIn(overview, url.span) : -1));
  const [missingSpan] = useState(() => (url.span && initialSpan < 0 ? url.span : null));
  const [detailOpen, setDetailOpen] = useState(initialSpan >= 0);
  const [criticalOn, setCriticalOn] = useState(false);
  const [findQuery, setFindQuery] = useState(url.find);
  const [currentMatch, setCurrentMatch] = useState(-1);
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [nameWidth, setNameWidth] = useState(() =>
    Math.round(Math.min(420, Math.max(200, (globalThis.innerWidth || 1280) * 0.3))),
  );
  const [tab, setTab] = useState<TabId>('waterfall');
  const [scroll] = useState(createScrollStore);
  const waterfall = useRef<WaterfallHandle>(null);

  const genAiResult = useGenAi(handle);
  const genAi = genAiResult ?? null;
  const critical = useCriticalPath(handle, criticalOn);
  const find = useFind(handle, findQuery);
  const filter = onlyMatches && find.matches && findQuery.trim() !== '' ? find.matches : null;
  const collapse = useCollapse(overview, filter);
  const { rows } = collapse;
  const { write } = url;
  const writeSpan = useCallback((key: string | null) => write({ span: key }), [write]);
  const { selected, select, scrollToSpan } = useSelection({
    overview,
    rows,
    initial: initialSpan,
    reveal: collapse.reveal,
    waterfall,
    writeUrl: writeSpan,
  });

  const matches = find.query === findQuery.trim() ? find.matches : null;
  const currentSpan = matches && currentMatch >= 0 ? (matches[currentMatch] ?? -1) : -1;

  const goToMatch = useCallback(
    (direction: 1 | -1, from: number) => {
      if (!matches || matches.length === 0) return;
      const next = stepMatch(matches, from, direction, selected);
      setCurrentMatch(next);
      scrollToSpan(matches[next] as number, 'center');
    },
    [matches, selected, scrollToSpan],
  );

  // New results: go to the first match below the selection, as browsers' find does.
  useEffect(() => {
    if (matches) goToMatch(1, -1);
    // Only a new result set moves the view, not a change of selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches]);

  const onFindChange = (query: string) => {
    setFindQuery(query);
    setCurrentMatch(-1);
    write({ find: query });
  };

  const onRowClick = useCallback(
    (span: number) => {
      select(span);
      setDetailOpen(true);
    },
    [select],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && detailOpen) {
      event.preventDefault();
      setDetailOpen(false);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = navigate(event.key, {
      rows,
      selected,
      tree: overview,
      collapsed: collapse.collapsed,
      pageSize: waterfall.current?.pageSize() ?? 10,
    });
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.type === 'select') select(action.span);
    else if (action.type === 'collapse') collapse.setCollapsed(action.span, true);
    else if (action.type === 'expand') collapse.setCollapsed(action.span, false);
    else setDetailOpen(true);
  };

  const selectFromDetail = useCallback((span: number) => select(span, 'center'), [select]);

  return (
    <div className="flex flex-col gap-3">
      <TraceHeader overview={overview} shown={rows.length} genAi={genAiResult} tz={tz} />
      {missingSpan && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-200">
          The link names span {missingSpan}, which is not in this trace.
        </p>
      )}
      <AnalysisTabs tab={tab} onTab={setTab} handle={handle} genAi={genAi} />
      <div
        hidden={tab !== 'waterfall'}
        className="panel flex h-[72vh] min-h-[420px] flex-col overflow-hidden lg:flex-row"
      >
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="border-b border-slate-200 px-2 py-1.5 dark:border-slate-700">
            <Toolbar
              maxDepth={overview.maxDepth}
              levelsShown={collapse.levelsShown}
              criticalPath={criticalOn}
              find={{
                query: findQuery,
                total: matches ? matches.length : null,
                current: currentMatch,
                onlyMatches,
              }}
              onExpandAll={collapse.expandAll}
              onCollapseAll={collapse.collapseAll}
              onCollapseToDepth={collapse.collapseToDepth}
              onCriticalPath={setCriticalOn}
              onFindChange={onFindChange}
              onFindStep={(direction) => goToMatch(direction, currentMatch)}
              onOnlyMatches={setOnlyMatches}
            />
          </div>
          <Minimap
            overview={overview}
            rows={rows}
            scroll={scroll}
            onScrollTo={(top) => waterfall.current?.scrollTo(top)}
          />
          <TimelineHeaderWithGutter
            scroll={scroll}
            totalUs={overview.durationUs}
            nameWidth={nameWidth}
            onNameWidth={setNameWidth}
          />
          <Waterfall
            ref={waterfall}
            overview={overview}
            rows={rows}
            collapsed={collapse.collapsed}
            keep={collapse.keep}
            selected={selected}
            matchMask={matches ? find.mask : null}
            currentMatch={currentSpan}
            critical={critical}
            genAi={genAi}
            nameWidth={nameWidth}
            scroll={scroll}
            onRowClick={onRowClick}
            onToggle={collapse.toggle}
            onKeyDown={onKeyDown}
          />
        </div>
        {detailOpen && selected >= 0 && (
          <div className="max-h-[45%] min-h-0 overflow-auto border-t border-slate-200 lg:max-h-none lg:w-[38%] lg:border-t-0 lg:border-l dark:border-slate-700">
            <SpanDetailPanel
              handle={handle}
              span={selected}
              genAi={genAi}
              tz={tz}
              onClose={() => {
                setDetailOpen(false);
                waterfall.current?.focus();
              }}
              onSelectSpan={selectFromDetail}
            />
          </div>
        )}
      </div>
    </div>
  );
}

function TimelineHeaderWithGutter({
  scroll,
  ...props
}: Omit<Parameters<typeof TimelineHeader>[0], 'gutter'> & { scroll: ScrollStore }) {
  const gutter = useSyncExternalStore(scroll.subscribe, () => scroll.get().gutter);
  return <TimelineHeader {...props} gutter={gutter} />;
}
