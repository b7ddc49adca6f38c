package com.disclosuredesk.process;

public enum AnalysisDecision { DISCLOSE, REJECT, NEED_INFO }
