//! Issue 13, item 1: offices and their 管轄 from a CSV file (`madoguchi office import`),
//! idempotent and all-or-nothing, and finding an office by postal code or by prefecture and
//! municipality. Both backends.

use madoguchi_app::AppError;
use madoguchi_app::offices::{self, areas, import};
use madoguchi_domain::area;
use madoguchi_domain::calendar::OpenHours;
use madoguchi_store::offices::areas as store;
use madoguchi_store::testing;

const FILE: &str = "office_code,name_ja,name_en,address,phone,prefecture,municipality,postal_codes
28011,灘公共職業安定所三宮分室,\"Nada, Sannomiya Branch\",神戸市中央区,078-231-8609,兵庫県,神戸市中央区,650 651
28011,,,,,兵庫県,神戸市兵庫区,652
28021,西宮公共職業安定所,Nishinomiya,西宮市,0798-22-8600,28,西宮市,６６２－００４４
";

// Issue 13, item 1: a second import of the same file changes nothing; a changed file
// replaces the office's 管轄 and details, and keeps its hours.
#[tokio::test]
async fn import_is_idempotent() {
    for t in testing::both("offices_import").await {
        let first = import::import(&t.db, FILE).await.unwrap();
        assert_eq!(
            first,
            import::Report {
                added: 2,
                updated: 0,
                areas: 4
            },
            "{}",
            t.db.backend()
        );
        let mut kobe = offices::get(&t.db, "28011").await.unwrap();
        assert_eq!(kobe.name_en, "Nada, Sannomiya Branch");
        kobe.hours.set(
            chrono::Weekday::Sat,
            OpenHours::new(
                chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            ),
        );
        offices::save(&t.db, &kobe).await.unwrap();
        let rows = store::of_office(&t.db, "28011").await.unwrap();
        let again = import::import(&t.db, FILE).await.unwrap();
        assert_eq!((again.added, again.updated, again.areas), (0, 2, 4));
        assert_eq!(store::of_office(&t.db, "28011").await.unwrap(), rows, "the same rows");
        assert_eq!(store::count(&t.db).await.unwrap(), 4);
        let nishinomiya = store::of_office(&t.db, "28021").await.unwrap();
        assert_eq!(nishinomiya[0].postal_prefix, "6620044", "full-width digits read");

        let changed = FILE
            .replace("078-231-8609", "078-231-0000")
            .replace("28011,,,,,兵庫県,神戸市兵庫区,652\n", "");
        import::import(&t.db, &changed).await.unwrap();
        let kobe = offices::get(&t.db, "28011").await.unwrap();
        assert_eq!(kobe.phone, "078-231-0000");
        assert!(kobe.hours.on(chrono::Weekday::Sat).is_some(), "hours are kept");
        let municipalities: Vec<_> = store::of_office(&t.db, "28011")
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.municipality)
            .collect();
        assert_eq!(municipalities, ["神戸市中央区", "神戸市中央区"]);
    }
}

// Issue 13, item 1: one bad line refuses the whole file; nothing is written.
#[tokio::test]
async fn a_bad_file_writes_nothing() {
    for t in testing::both("offices_import_bad").await {
        let bad = format!("{FILE}28031,尼崎公共職業安定所,,尼崎市,06-6487-8609,兵庫県,尼崎市,66\n");
        match import::import(&t.db, &bad).await {
            Err(AppError::InvalidInput { code, message, .. }) => {
                assert_eq!(code, "invalid_import");
                assert!(message.contains("line 5: postal code `66`"), "{message}");
            }
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert!(offices::list(&t.db).await.unwrap().is_empty(), "{}", t.db.backend());
        assert_eq!(store::count(&t.db).await.unwrap(), 0);
    }
}

// Issue 13, item 1: by postal code the most specific prefix wins; by prefecture every office
// numbered there, by municipality those serving it.
#[tokio::test]
async fn finding_an_office() {
    for t in testing::both("offices_find").await {
        let clock =
            madoguchi_domain::clock::FixedClock::at_jst(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), 10, 0)
                .unwrap();
        let file = format!("{FILE}28031,尼崎公共職業安定所,,尼崎市,,兵庫県,神戸市中央区,6500044\n28041,明石,,,,,,\n");
        import::import(&t.db, &file).await.unwrap();
        let codes = |f: &areas::Found| f.offices.iter().map(|o| o.office.code.to_string()).collect::<Vec<_>>();
        let (code, found) = areas::by_postal_code(&t.db, &clock, "650-0044").await.unwrap();
        assert_eq!(code.to_string(), "650-0044");
        assert_eq!(codes(&found), ["28031"], "{}", t.db.backend());
        let (_, found) = areas::by_postal_code(&t.db, &clock, "〒６５０－０００１")
            .await
            .unwrap();
        assert_eq!(codes(&found), ["28011"]);
        assert_eq!(found.municipalities, ["神戸市中央区"]);
        assert_eq!(found.prefecture.map(|p| p.ja), Some("兵庫県"));
        let (_, none) = areas::by_postal_code(&t.db, &clock, "100-0001").await.unwrap();
        assert!(none.offices.is_empty());
        assert!(matches!(
            areas::by_postal_code(&t.db, &clock, "650").await,
            Err(AppError::InvalidInput {
                code: "invalid_postal_code",
                ..
            })
        ));

        let hyogo = area::prefecture("28").unwrap();
        let all = areas::by_place(&t.db, &clock, hyogo, None).await.unwrap();
        assert_eq!(
            codes(&all),
            ["28011", "28021", "28031", "28041"],
            "also an office without 管轄"
        );
        let chuo = areas::by_place(&t.db, &clock, hyogo, Some("神戸市中央区"))
            .await
            .unwrap();
        assert_eq!(codes(&chuo), ["28011", "28031"]);
        assert_eq!(
            areas::municipalities(&t.db, hyogo).await.unwrap(),
            ["神戸市中央区", "神戸市兵庫区", "西宮市"]
        );
        let offered: Vec<_> = areas::prefectures(&t.db)
            .await
            .unwrap()
            .iter()
            .map(|p| p.code)
            .collect();
        assert_eq!(offered, ["28"]);
    }
}
