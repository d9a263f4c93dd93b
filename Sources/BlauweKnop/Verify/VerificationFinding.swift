/// What `bk verify` tells a reader differs, in words they can act on (PROTOCOL §8.1: "the
/// verdict always comes with its reason in the reader's language"). The technical sentence
/// beside it (`VerificationReport.problems`) is for `--verbose` and programs.
public struct VerificationFinding: Codable, Sendable, Hashable {
    /// The kinds of difference a reader is told about.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The file cannot be read with certainty: damaged, ambiguous or not as bk writes it.
        case malformed
        /// What the file says of one organisation differs from its signed document.
        case organisationDiffers = "organisation_differs"
        /// One organisation's document does not carry a valid signature.
        case documentInvalid = "document_invalid"
        /// Organisations were added, removed, renamed, repeated or reordered.
        case organisationsDiffer = "organisations_differ"
        /// The totals are not the sum of the signed documents.
        case totalsDiffer = "totals_differ"
        /// Whether the overview is complete is stated otherwise than the documents show.
        case completenessDiffers = "completeness_differs"
        /// What the file says of the consent differs from the signed consent.
        case consentDiffers = "consent_differs"
        /// The file holds something that bk does not write.
        case unknownContent = "unknown_content"
        /// A PDF page draws something else than its data renders to.
        case pageDiffers = "page_differs"
        /// A PDF has more or fewer pages than its data renders to.
        case pageCountDiffers = "page_count_differs"
        /// A file attached to a PDF was changed, removed or added.
        case attachmentDiffers = "attachment_differs"
        /// A PDF carries what bk never puts in one: an action, form, annotation or the like.
        case pdfAdditions = "pdf_additions"
        /// Something else in a PDF differs (its metadata, structure or language).
        case pdfDiffers = "pdf_differs"
        /// The pages of a PDF were drawn by another layout than this bk draws, so they could
        /// not be compared; its data were checked.
        case pagesNotCompared = "pages_not_compared"
    }

    public var kind: Kind
    /// The organisation concerned, by name.
    public var organisation: String?
    /// The PDF page concerned, from 1.
    public var page: Int?
    /// The attached file concerned.
    public var file: String?

    public init(_ kind: Kind, organisation: String? = nil, page: Int? = nil, file: String? = nil) {
        self.kind = kind
        self.organisation = organisation
        self.page = page
        self.file = file
    }

    /// The sentence for a reader, in `text`'s language.
    public func sentence(_ text: Messages) -> String {
        let values = ["name": organisation ?? "?", "page": page.map(String.init) ?? "?", "file": file ?? "?"]
        return text[message, values]
    }

    private var message: MessageKey {
        switch kind {
        case .malformed: .findingMalformed
        case .organisationDiffers: .findingOrganisationDiffers
        case .documentInvalid: .findingDocumentInvalid
        case .organisationsDiffer: .findingOrganisationsDiffer
        case .totalsDiffer: .findingTotalsDiffer
        case .completenessDiffers: .findingCompletenessDiffers
        case .consentDiffers: .findingConsentDiffers
        case .unknownContent: .findingUnknownContent
        case .pageDiffers: .findingPageDiffers
        case .pageCountDiffers: .findingPageCountDiffers
        case .attachmentDiffers: .findingAttachmentDiffers
        case .pdfAdditions: .findingPDFAdditions
        case .pdfDiffers: .findingPDFDiffers
        case .pagesNotCompared: .findingPagesNotCompared
        }
    }
}
