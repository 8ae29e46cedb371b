/**
 * The checkpoint: scanning passes at a lane, deciding ENTRY or EXIT by {@link kr.kaesongcrossing.checkpoint.ScanRules},
 * writing every scan to the crossing log, keeping who is inside (the roster), scanner devices and their JSON API.
 */
package kr.kaesongcrossing.checkpoint;
