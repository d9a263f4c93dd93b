/// Every sentence and word a person reads, by name. The texts are in `Messages+nl.swift`
/// and `Messages+en.swift`.
public enum MessageKey: String, CaseIterable, Sendable {
    // Holder statuses.
    case statusOK, statusOKWithWarnings, statusUnreachable, statusTimeout, statusHTTPError, statusUnauthorized
    case statusInvalidSignature, statusInvalidDocument, statusUnsupportedVersion, statusNotInConsent, statusNotSupported
    // Why a holder is missing, in plain words.
    case reasonUnreachable, reasonTimeout, reasonHTTPError, reasonUnauthorized, reasonIntegrity, reasonNotEncrypted, reasonUnsupportedVersion,
        reasonNotInConsent,
        reasonNotSupported

    // The overview table.
    case overviewTitle, overviewMadeAt, overviewSealExplained
    case columnOrganization, columnStatus, columnCases, columnToPay, columnLate, columnNextPayment, columnImposed, columnPaid
    case totalRow, totalRowIncomplete, overdueLine, noOverdueLine, nextPaymentLine
    case completeLine, incompleteLine, integrityWarning, warningsHeader, lateMark, noOverdueAnswered, nothingAnswered
    // A requester's overview (PROTOCOL §10.6): the client in the third person, who was asked.
    case clientOverviewTitle, clientConsentLine, clientConsentCode, clientOverdueLine, clientNoOverdueLine, clientNoOverdueAnswered
    case clientNextPaymentLine, askedLine, askedAllAnswered, askedNoneAnswered, askedSomeMissing, notAskedOne, notAskedMany
    case notSupportedLine, reasonUnauthorizedClient, clientReferenceLine, consentSummaryReference, pdfConsentReference
    case contactPhone, contactWebsite, contactEmail, contactPost, contactAddress, contactChat, contactWhatsApp
    case detailOutstanding, detailPayBefore, detailPayBeforeLate, detailAccount, detailReference, detailContact
    // Blauwe Knop Plus: the citizen's consents (PROTOCOL §10.3).
    case consentSummaryTitle, consentSummaryPurpose, consentSummaryDetailFull, consentSummaryDetailSaldo, consentSummaryOrganizations
    case consentSummaryUntil, consentSummaryRevoke, consentQuestion, consentCancelled, consentNeedsYes, consentRegistered
    case consentNotSupported, consentFailed, consentWritten, errorConsentNotAllowed, consentListEmpty, consentColumnRequester
    case consentColumnPurpose, consentColumnDetail, consentColumnUntil, consentColumnState, consentColumnAccesses, consentStateActive
    case consentStateRevoked, consentStateExpired, consentDetailFull, consentDetailSaldo, consentRegisteredNowhere, consentEarlierAccess,
        consentEarlierAccesses, consentAccessHeading, consentAccessLine, consentUnavailable
    case consentRevoked, consentNotHeld, consentRevokeFailed, consentStatePending, consentCode, consentColumnID, consentUnknownID, consentAmbiguousID
    // The PDF form (PROTOCOL §8.2).
    case pdfTitle, pdfWho, pdfMadeAt, pdfTotalToPay, pdfNoDebts, pdfNoDebtsAt, pdfDebtsHeading, pdfCaseReference, pdfToPay, pdfLateAmount
    case pdfPayBefore, pdfLateMark, pdfAccount, pdfReference, pdfContact, pdfObjectHeading, pdfObjectText, pdfNoContact
    case pdfCheckHeading, pdfCheckText, pdfFingerprint, pdfFingerprintFull, pdfPage, pdfDocumentTitle, pdfPerOrganization, pdfOwedLate
    case pdfTotalToPayAnswered, pdfClientTitle, pdfClientTotalToPay, pdfClientPerOrganization, pdfClientNoDebts, pdfClientDebtsHeading, pdfConsentHeading
    case pdfConsentRequester, pdfConsentPurpose, pdfConsentUntil, pdfConsentCode

    // bk verify.
    case verifyTitle, verifyProven, verifyMissing, verifyMissingClaim, verifyProblem, verifyOldest
    case verdictAuthentic, verdictAuthenticInConsent, verdictIncomplete, verdictTooOld, verdictTampered, verdictUntrustedScheme, verdictNotAnOverview
    case verdictPagesNotCompared, findingMalformed, findingOrganisationDiffers, findingDocumentInvalid, findingOrganisationsDiffer, findingTotalsDiffer
    case findingCompletenessDiffers, findingConsentDiffers, findingUnknownContent, findingPageDiffers, findingPageCountDiffers
    case findingAttachmentDiffers, findingPDFAdditions, findingPDFDiffers, findingPagesNotCompared

    // bk check and bk scheme show.
    case checkColumnEndpoint, checkColumnCheck, checkColumnResult, checkColumnDetail, checkSummary
    case outcomePass, outcomeWarning, outcomeError, outcomeSkipped
    case checkSigned, checkSchemeExpires, checkKeysFine, checkRequestersFine, checkKeysShared, checkOINs, checkTLSValid, checkTLSDays, checkTLSNoExpiry
    case checkDiscoveryFine, checkChallengeFine, checkNotReached, checkRegistrationHTTP, checkSlow, checkEncryptionOffered, checkEncryptionMissing
    case checkConnectionRefused, checkFailedTLS, checkFailedDiscovery, checkFailedChallenge, checkFailedSettings, checkFailedScheme
    case probeSignature, probeExpiry, probeKeys, probeRequesters, probeOINs, probeTLS, probeDiscovery, probeChallenge, probeFetch
    case schemeTitle, schemeValidity, schemeColumnOrganization, schemeColumnURL, schemeColumnShortName, schemeColumnKeys, schemeColumnAppManager,
        schemeColumnRequester, schemeColumnPurposes, schemeMaxDays

    // Login, logout, progress.
    case loginVisit, loginDone, logoutDone, logoutNothing, progressAnswered, progressWaiting, loginWaitingMinutes, loginWaitingOneMinute, loginWaitingSeconds,
        loginTimedOut, tlsSessionsResumed, discoveryFromCache
    case statusLoggedIn, statusExpired, statusNotLoggedIn, statusScheme, statusNoScheme, statusFolder
    case loginReplaceQuestion, loginReplaceDeclined, loginReplaceRefused, answerYes

    // Errors, in plain words; the technical detail follows under --verbose.
    case errorPrefix, errorNotLoggedIn, errorLoginExpired, errorSchemeUnavailable, errorSchemeRejected, errorConfiguration
    case errorFile, errorOther, errorVerboseHint, errorNotBKPDF, fileFolderMissing
    // Choosing and confirming an overview's output file.
    case usageFormatAsFileName, usageUnknownExtension, usagePDFToTerminal, writtenOverview, writtenOverviewPages, writtenClientOverview
    case writtenClientOverviewPages, pageCountOne, pageCountMany
    case settingMissing, pathNotGuarded, configUnreadable, configInvalid, configUnknownKey, caBundleUnusable, trustAnchorUnusable
    case fileMissing, fileFolder, fileSymbolicLink, fileNotRegular, fileNoPermission, fileTooLarge
    // bk help and usage errors, in the run's language.
    case helpUsage, helpCommands, helpOptions, helpGeneralOptions, helpConnectionOptions, helpDefault, helpMoreAboutCommand
    case helpCommandPlaceholder, helpOptionsPlaceholder, usageUnknownCommand, usageDidYouMean, usageUnknownOption, usageUnexpectedArgument
    case usageMissingValue, usageInvalidValue, usageChoices, usageMissingArgument, usageOther, usageSeeHelp, listOr
    case usageRange, usageLangValues, usageParallelBelowConnections, usageRequesterKeyMissing, usageRequesterKeyOpen, usageConsentDuration
    case usageDetailValues, usageInvalidBSN, usageDuration, usageNoURLs, usageFlagTakesNoValue, batchCounts
    case consentRefusedReference, consentRefusedRequester, consentRefusedPurpose, consentRefusedTooShort, consentRefusedNotADate
    case consentRefusedDatePassed, consentRefusedTooLong, consentRefusedOrganization
    // bk dispute: a request about a zaak (PROTOCOL §11).
    case disputeKindBezwaar, disputeKindCorrectie, disputeKindVerwijdering
    case disputeSummaryTitle, disputeSummaryZaak, disputeSummaryReason, disputeSummaryWanted, disputeSummaryDeferral, disputeSummaryFiler
    case disputeTermOpen, disputeTermPassed, disputeQuestion, disputeCancelled, disputeNeedsYes
    case disputeFiled, disputeProofWritten, disputeNotTaken, disputeNoRequests, disputeReceiptFailed, disputeResent
    case disputeUnknownZaak, disputeOrganizationNeeded, disputeUnknownOrganization, disputeNeedsFiler, disputeInvalidText, disputeAddressFormat
    case usageDisputeReason, usageDisputeDeferral, proofAuthentic, proofFacts, proofFiler, proofAltered, proofUntrustedScheme
    case proofKindBezwaar, proofKindCorrectie, proofKindVerwijdering
    case disputeListKindBezwaar, disputeListKindCorrectie, disputeListKindVerwijdering, disputeColumnOrganization, disputeColumnZaak
    case disputeColumnKind, disputeColumnFiled, disputeColumnReference, disputeColumnStatus, disputeColumnDecideBy, disputeLate, disputeNone
    case disputeStatusOntvangen, disputeStatusInBehandeling, disputeStatusToegewezen, disputeStatusDeelsToegewezen, disputeStatusAfgewezen
    case disputeStatusIngetrokken, disputeStatusUnknown, disputeListUnreachable, disputeWithdrawn, disputeWithdrawUnknown, disputeWithdrawDecided
    case disputeExplanation, disputeAskFiler, disputeAskName, disputeAskAddress
    // Documents encrypted to the run (PROTOCOL §13), said with --verbose.
    case encryptionSummary, encryptionNotBy
    // A request about a zaak as the overview shows it (PROTOCOL §11.3).
    case zaakRequestBezwaar, zaakRequestCorrectie, zaakRequestVerwijdering, zaakRequestOther, zaakRequestFacts, zaakRequestFactsDecideBy
    // The wallet (PROTOCOL §12): bk share, and bk verify of a share file.
    case pdfCodesHeading, pdfCodesText, sharedNoCodes, sharedOtherShortCode, sharedOtherCitizen, usageVerifyFiles, sharePDFTitle, sharePDFExplained,
        sharePDFMoment, sharePDFCode, shareTitle,
        shareTitlePaper, shareWrittenPaper, shareTotals, shareTotalsAndZaken, shareWithBSN, shareHidden, shareHiddenBSN, shareHiddenZaken,
        shareHiddenOthers
    case shareSigned, shareQuestion, shareCancelled, shareNeedsYes, shareWritten, shareUnknownRecipient, shareUnknownOrganization, shareNoStatement,
        shareNothingKept
    case shareStatementUnusable, sharedValid, sharedTooOld, sharedAltered, sharedUntrustedScheme, sharedUnreadable, sharedFor, sharedForPaper
    case sharedOrganization, sharedTotals, sharedNextDue, sharedNoNextDue, sharedZaak, sharedBSN, sharedExpired, usageShareNonce, usageShareOutput,
        usageVerifyShareOnly
}
