use super::*;

const SEED20: &[u8] = b"12345678901234567890";
const SEED32: &[u8] = b"12345678901234567890123456789012";
const SEED64: &[u8] = b"1234567890123456789012345678901234567890123456789012345678901234";

// RFC 4226 Appendix D: HOTP values for counters 0–9.
#[test]
fn rfc4226_hotp_vectors() {
    let expected = [
        755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
    ];
    for (counter, want) in expected.into_iter().enumerate() {
        assert_eq!(
            hotp(Algorithm::Sha1, SEED20, counter as u64, 6),
            want,
            "counter {counter}"
        );
    }
}

// RFC 6238 Appendix B: every published TOTP vector, 8 digits.
#[test]
fn rfc6238_totp_vectors() {
    let vectors: [(i64, u32, u32, u32); 6] = [
        (59, 94287082, 46119246, 90693936),
        (1111111109, 7081804, 68084774, 25091201),
        (1111111111, 14050471, 67062674, 99943326),
        (1234567890, 89005924, 91819424, 93441116),
        (2000000000, 69279037, 90698825, 38618901),
        (20000000000, 65353130, 77737706, 47863826),
    ];
    for (t, sha1, sha256, sha512) in vectors {
        assert_eq!(totp(Algorithm::Sha1, SEED20, t, 8), sha1, "SHA1 at {t}");
        assert_eq!(totp(Algorithm::Sha256, SEED32, t, 8), sha256, "SHA256 at {t}");
        assert_eq!(totp(Algorithm::Sha512, SEED64, t, 8), sha512, "SHA512 at {t}");
    }
}

// Staff sign-in: ±1 step of drift, the matched step returned, malformed codes refused.
#[test]
fn verify_window() {
    let t = 1_111_111_111;
    let code = format!("{:06}", totp(Algorithm::Sha1, SEED20, t, 6));
    assert_eq!(verify(SEED20, &code, t), Some(step(t)));
    assert_eq!(verify(SEED20, &code, t + 30), Some(step(t)));
    assert_eq!(verify(SEED20, &code, t - 30), Some(step(t)));
    assert_eq!(verify(SEED20, &code, t + 90), None);
    for bad in ["", "12345", "1234567", "12a456"] {
        assert_eq!(verify(SEED20, bad, t), None, "{bad}");
    }
}

// RFC 4648 §10 test vectors, without padding.
#[test]
fn base32_round_trip() {
    for (plain, encoded) in [
        ("", ""),
        ("f", "MY"),
        ("fo", "MZXQ"),
        ("foo", "MZXW6"),
        ("foob", "MZXW6YQ"),
        ("fooba", "MZXW6YTB"),
        ("foobar", "MZXW6YTBOI"),
    ] {
        assert_eq!(base32_encode(plain.as_bytes()), encoded);
        assert_eq!(base32_decode(encoded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base32_decode("MZXW6YQ=").unwrap(), b"foob");
    assert!(base32_decode("MZ1W").is_none());
    let secret = new_secret().unwrap();
    assert_eq!((secret.len(), base32_decode(&secret).unwrap().len()), (32, 20));
}

#[test]
fn key_uri() {
    let uri = otpauth_uri("Madoguchi", "admin.kobe@28011", "JBSWY3DPEHPK3PXP");
    assert_eq!(
        uri,
        "otpauth://totp/Madoguchi:admin.kobe%4028011?secret=JBSWY3DPEHPK3PXP&issuer=Madoguchi&algorithm=SHA1&digits=6&period=30"
    );
}
