// The checklist in the free lab (loaded on demand): what this student has seen happen so far; an
// open point opens the lesson at the step that shows it.
import { useEffect } from 'react';
import { loadData } from '../../store/lesson/runtime.ts';
import { ChecklistView } from './ChecklistView.tsx';
import './lesson.css';

export default function ChecklistPopover({ onClose }: { onClose: () => void }) {
  useEffect(() => {
    void loadData();
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onClose]);
  return (
    <div className="checklist-popover">
      <ChecklistView open />
    </div>
  );
}
