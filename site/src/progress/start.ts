// The entry a component's <script> imports: shows progress on this page and keeps it current.
import { startProgress } from './marks.ts';

startProgress();
