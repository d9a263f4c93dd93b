extension OverviewVerifier {
    /// Verifies a file of any form bk writes: JSON, XML or PDF.
    public func verify(bytes: [UInt8]) -> VerificationReport {
        if bytes.starts(with: Array("%PDF-".utf8)) { return verify(pdf: bytes) }
        do {
            return verify(try OverviewDocument.parse(bytes))
        } catch  where error.code == .notAnOverview {
            return .notAnOverview(error.detail)
        } catch {
            return .malformed(error.detail)
        }
    }

    /// Verifies a PDF overview (PROTOCOL §8.2): the attached `overzicht.json` as §8.1, then the
    /// whole file against what that overview renders to — pages, attached documents and
    /// metadata — so that any edit to what a person reads, or a removed or added attachment
    /// or page, is tampering.
    public func verify(pdf bytes: [UInt8]) -> VerificationReport {
        let contents: OverviewPDF.Contents
        let producer: String
        do {
            contents = try OverviewPDF.contents(of: bytes)
            producer = try OverviewPDF.producer()
        } catch  where error.code == .noOverview {
            return .notAnOverview("the PDF carries no \(OverviewPDF.overviewName): \(error)")
        } catch {
            return .malformed("the PDF cannot be read as a bk overview: \(error)")
        }
        var report: VerificationReport
        let file: OverviewFile
        do {
            file = try OverviewDocument.parse(contents.overviewJSON)
            report = verify(file)
        } catch {
            return .malformed("\(OverviewPDF.overviewName) in the PDF: \(error.detail)")
        }
        guard let language = contents.language else {
            report.fail(.tampered, "the PDF does not say in which language its pages are", .init(.pdfDiffers))
            return report
        }
        guard contents.producer == producer else {
            report.fail(
                .pagesNotCompared,
                "the PDF says it was made by '\(TerminalText.sanitized(contents.producer ?? "nothing"))'; this bk makes '\(producer)', so its pages cannot be compared (verify with that version, or extract \(OverviewPDF.overviewName) with 'bk pdf extract')",
                .init(.pagesNotCompared))
            return report
        }
        let codes = OverviewPDF.paperCodes(in: contents.attachments)
        checkPaperCodes(codes, of: file.overview, overviewJSON: contents.overviewJSON, report: &report)
        do {
            let expected = try OverviewPDF.render(overviewJSON: contents.overviewJSON, language: language, paperCodes: codes)
            if let difference = try PDFDifference.first(expected: expected, actual: bytes) { report.fail(.tampered, difference.detail, difference.finding) }
        } catch {
            report.fail(.tampered, "the pages cannot be rendered again from \(OverviewPDF.overviewName): \(error)", .init(.pdfDiffers))
        }
        return report
    }

    /// The QR codes of a PDF (PROTOCOL §12.3): each attached presentation for paper, with the
    /// overview's short code as nonce, from the organisation it is attached for, verified with
    /// the overview's own scheme, and saying that organisation's totals in the overview.
    private func checkPaperCodes(_ codes: [String: String], of overview: Overview, overviewJSON: [UInt8], report: inout VerificationReport) {
        guard !codes.isEmpty else { return }
        guard let moment = Timestamps.epochSeconds(rfc3339: overview.generatedAt),
            let scheme = try? VerifiedScheme(compact: overview.evidence.scheme, trustAnchor: trustAnchor, environment: environment, now: moment)
        else { return }  // the overview itself fails, and says why
        let shortCode = OverviewPDF.shortCode(overviewJSON: overviewJSON)
        for (oin, presentation) in codes.sorted(by: { $0.key < $1.key }) {
            let name = OverviewPDF.paperCodeName(oin: oin)
            let finding = VerificationFinding(.attachmentDiffers, file: name)
            guard let holder = overview.holders.first(where: { $0.oin == oin }), holder.status.isSuccess else {
                report.fail(.tampered, "\(name) is a QR code for an organisation without a verified document in the overview", finding)
                continue
            }
            let checked = ShareVerifier.verify(
                presentations: [presentation], scheme: scheme, audience: SharePlan.paperAudience, nonce: shortCode, maxAgeSeconds: nil,
                now: clock.epochSeconds)
            guard checked.verdict == .valid || checked.verdict == .tooOld, let shown = checked.organizations.first, shown.oin == oin else {
                report.fail(.tampered, "the QR code of \(holder.name) does not verify: \(checked.problem ?? "another organisation's")", finding)
                continue
            }
            if shown.totalen != SaldoStatement.Totalen(holder.zaken) {
                report.fail(.tampered, "the QR code of \(holder.name) says other totals than the overview", finding)
            }
        }
    }
}
