package kr.kaesongcrossing.pass;

public enum TokenProblem { MALFORMED, INVALID_SIGNATURE, UNKNOWN_KEY }
