import SystemPackage

/// The system's words for an error a swift-system call threw: `Errno`'s description, which is `strerror`'s text
/// ("No space left on device"), as the messages feedgen printed before swift-system. swift-system's calls throw
/// nothing but `Errno`; any other error is described as it describes itself.
func systemReason(_ error: any Error) -> String {
    (error as? Errno)?.description ?? "\(error)"
}
