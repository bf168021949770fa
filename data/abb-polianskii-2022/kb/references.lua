-- References: the article's list of four works.
--
-- reference { id = n, authors, year, title, container, doi, url, evidence }
--
-- `id` is the number in the list; `evidence` locates the entry's segment.
-- Authors, titles and years follow the article's own entries; DOIs and URLs
-- come from ../shared/corpus/EVENTS.md (the article gives some of them
-- incompletely). Where the article's year differs from the publisher's, the
-- article's is kept and the difference noted in a comment.

-- Online first 2019; the print issue (Modern China 47(3), 320-349) is dated 2021.
reference { id = 1,
  authors = { "Pascal Abb" }, year = 2019,
  title = "Leaders or \"guides\" of public opinion? The media role of Chinese foreign policy experts",
  container = "Modern China 47(3): 320-349",
  doi = "10.1177/0097700419882733",
  url = "https://doi.org/10.1177/0097700419882733",
  evidence = { "The media role of Chinese foreign policy experts" } }

reference { id = 2,
  authors = { "Pascal Abb", "Anja Jetschke" }, year = 2019,
  title = "The devil is in the detail: The positions of BRICS countries towards UN Security Council reform and the responsibility to protect",
  container = "Contested World Orders: Rising Powers, Non-Governmental Organizations, and the Politics of Authority Beyond the Nation-State, eds. Matthew D. Stephen and Michael Zürn, Oxford University Press",
  doi = "10.1093/oso/9780198843047.003.0005",
  url = "https://oxford.universitypressscholarship.com/view/10.1093/oso/9780198843047.001.0001/oso-9780198843047-chapter-5",
  evidence = { "The positions of BRICS countries towards UN Security Council reform" } }

-- Published online 2017; the article cites the 2018 print issue.
reference { id = 3,
  authors = { "Adam P. Liff" }, year = 2018,
  title = "China and the US alliance system",
  container = "The China Quarterly 233: 137-165",
  doi = "10.1017/S0305741017000601",
  url = "https://doi.org/10.1017/S0305741017000601",
  evidence = { "China and the US alliance system" } }

-- The article gives only "Panda Paw Dragon Claw, 8 February 2021".
reference { id = 4,
  authors = { "Stella Hong Zhang" }, year = 2021,
  title = "China’s Manifesto for Leadership in Global Development",
  container = "Panda Paw Dragon Claw (blog), 8 February 2021",
  doi = nil,
  url = "https://pandapawdragonclaw.blog/2021/02/08/chinas-manifesto-for-leadership-in-global-development/",
  evidence = { "Manifesto for Leadership in Global Development" } }
